using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.WhistleblowingPortal.Html;
using Google.Protobuf;

namespace EducationHub.WhistleblowingPortal.Pages;

/// <summary>Reads the optional files of a form; limits match the service's (it checks again, including file signatures).</summary>
internal static class Uploads
{
    public const int MaxCount = 3;
    public const int MaxBytes = 1024 * 1024;
    public const string Hint = "Optional. Up to 3 files, each smaller than 1 MB: PDF, PNG, JPEG or plain text. Files can contain hidden details about who made them (for example the author's name in a PDF, or where a photo was taken): remove them or take a screenshot instead.";

    public static async Task<List<AttachmentUpload>> ReadAsync(IFormCollection form, string field, FormErrors errors, CancellationToken ct)
    {
        var files = form.Files.GetFiles(field).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var uploads = new List<AttachmentUpload>();
        if (files.Count > MaxCount)
        {
            errors.Add(field, $"Select up to {MaxCount} files");
            return uploads;
        }

        foreach (var file in files)
        {
            if (file.Length == 0)
            {
                errors.Add(field, $"The selected file {file.FileName} is empty");
                continue;
            }

            if (file.Length > MaxBytes)
            {
                errors.Add(field, $"The selected file {file.FileName} must be smaller than 1 MB");
                continue;
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            var type = file.ContentType.ToLowerInvariant() switch
            {
                "image/jpg" or "image/pjpeg" => "image/jpeg",
                var t => t,
            };
            uploads.Add(new AttachmentUpload { FileName = Path.GetFileName(file.FileName), ContentType = type, Content = ByteString.CopyFrom(stream.ToArray()) });
        }

        return uploads;
    }
}

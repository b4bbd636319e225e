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

    /// <summary>Reads the files the form carries (nothing is read when there are too many).</summary>
    public static async Task<List<AttachmentUpload>> ReadAsync(IFormCollection form, string field, FormErrors errors, CancellationToken ct)
    {
        var files = Chosen(form, field);
        var uploads = new List<AttachmentUpload>();
        if (files.Count > MaxCount)
        {
            errors.Add(field, $"Select up to {MaxCount} files");
            return uploads;
        }

        foreach (var file in files)
        {
            var name = SafeName(file.FileName);
            if (file.Length == 0)
            {
                errors.Add(field, $"The selected file {name} is empty");
                continue;
            }

            if (file.Length > MaxBytes)
            {
                errors.Add(field, $"The selected file {name} must be smaller than 1 MB");
                continue;
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            var type = file.ContentType.ToLowerInvariant() switch
            {
                "image/jpg" or "image/pjpeg" => "image/jpeg",
                var t => t,
            };
            uploads.Add(new AttachmentUpload { FileName = name, ContentType = type, Content = ByteString.CopyFrom(stream.ToArray()) });
        }

        return uploads;
    }

    /// <summary>The names of the files chosen in the form, for pages that cannot keep the files themselves.</summary>
    public static IReadOnlyList<string> ChosenNames(IFormCollection form, string field) => [.. Chosen(form, field).Select(f => SafeName(f.FileName))];

    /// <summary>
    /// The file's own name, without any folder: browsers on Windows (and some old ones) send the full
    /// path, and Path.GetFileName on Linux only strips '/', so C:\Users\name\… would reach case handlers.
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? "").Trim();
        var cut = name.LastIndexOfAny(['/', '\\']);
        name = (cut < 0 ? name : name[(cut + 1)..]).Trim();
        return name.Length == 0 ? "file" : name;
    }

    /// <summary>
    /// A form re-shown with errors cannot keep its files (browsers never re-fill a file input), so
    /// when files were chosen the reporter is told, by name, to select them again: otherwise the
    /// resubmission would silently go without them. Files already named in the field's error are not repeated.
    /// </summary>
    public static void AskToSelectAgain(IReadOnlyList<string> names, string field, FormErrors errors)
    {
        if (!errors.Any || names.Count == 0)
        {
            return;
        }

        var list = Names(names);
        if (errors.For(field) is { } existing)
        {
            errors.Replace(field, $"{existing}. Also select {list} again");
        }
        else
        {
            errors.Add(field, $"Select {list} again. Files are not kept when there is a problem with the form");
        }
    }

    /// <summary>
    /// Puts the service's refusal of an uploaded file (its field path names the file, <c>attachments[1]</c>) on the
    /// form's file field, naming the file, and notes it in <paramref name="refused"/> so it is not also asked for again.
    /// </summary>
    public static void AddServiceRefusal(string fieldPath, string description, IReadOnlyList<AttachmentUpload> files, string field, FormErrors errors, ISet<int> refused)
    {
        if (IndexIn(fieldPath) is { } i && i < files.Count)
        {
            refused.Add(i);
            errors.Add(field, $"The file {files[i].FileName} {description}");
        }
        else
        {
            errors.Add(field, $"Select up to {MaxCount} files");
        }
    }

    /// <summary>The names of the files the service did not refuse (those still to be selected again).</summary>
    public static IReadOnlyList<string> NotRefused(IReadOnlyList<AttachmentUpload> files, ISet<int> refused) =>
        [.. files.Where((_, i) => !refused.Contains(i)).Select(f => f.FileName)];

    /// <summary>The file's index in a service field path such as <c>attachments[1]</c>; null when it has none.</summary>
    public static int? IndexIn(string fieldPath)
    {
        var open = fieldPath.IndexOf('[', StringComparison.Ordinal);
        var close = fieldPath.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(fieldPath.AsSpan(open + 1, close - open - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    public static string Names(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static List<IFormFile> Chosen(IFormCollection form, string field) =>
        [.. form.Files.GetFiles(field).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))];
}

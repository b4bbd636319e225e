namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Which files a reporter may send. The declared type must match the file's first bytes, so a
/// script renamed to .pdf is refused; handlers then open only types their viewers render safely.
/// </summary>
public sealed class AttachmentPolicy(AttachmentOptions options)
{
    public int MaxCount => options.MaxCount;
    public int MaxBytes => options.MaxBytes;
    public IReadOnlyList<string> AllowedContentTypes => options.AllowedContentTypes;

    /// <summary>Null when acceptable, otherwise a plain-English reason.</summary>
    public string? Check(string fileName, string contentType, ReadOnlySpan<byte> content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 200)
        {
            return "must have a file name of at most 200 characters";
        }

        if (content.Length == 0)
        {
            return "is empty";
        }

        if (content.Length > options.MaxBytes)
        {
            return $"must be smaller than {options.MaxBytes / (1024 * 1024.0):0.#} MB";
        }

        if (!options.AllowedContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return "must be a PDF, PNG, JPEG or plain text file";
        }

        return MatchesSignature(contentType.ToLowerInvariant(), content) ? null : "does not look like the type of file it claims to be";
    }

    private static bool MatchesSignature(string contentType, ReadOnlySpan<byte> content) => contentType switch
    {
        "application/pdf" => content.StartsWith("%PDF-"u8),
        "image/png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        // Plain text: valid UTF-8 without NUL bytes.
        "text/plain" => !content.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(content),
        _ => false,
    };
}

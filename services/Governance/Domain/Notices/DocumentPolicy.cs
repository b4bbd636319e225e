using System.Security.Cryptography;

namespace EducationHub.Governance.Domain.Notices;

/// <summary>
/// What a notice attachment may be. The declared content type must be on the allow-list AND the
/// bytes must look like it (a renamed executable is refused).
/// </summary>
public static class DocumentPolicy
{
    public const string Pdf = "application/pdf";
    public const string PlainText = "text/plain";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IReadOnlyList<string> AllowedContentTypes { get; } = [Pdf, PlainText, Docx];

    /// <summary>Null when acceptable, otherwise why not.</summary>
    public static string? CheckContent(string contentType, ReadOnlySpan<byte> content) => contentType switch
    {
        Pdf when !content.StartsWith("%PDF-"u8) => "does not look like a PDF (no %PDF- header)",
        Docx when !content.StartsWith("PK\u0003\u0004"u8) => "does not look like a .docx (not a zip package)",
        PlainText when !IsUtf8Text(content) => "is not UTF-8 text",
        Pdf or Docx or PlainText => null,
        _ => $"must be one of {string.Join(", ", AllowedContentTypes)}",
    };

    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static bool IsUtf8Text(ReadOnlySpan<byte> content) =>
        System.Text.Unicode.Utf8.IsValid(content) && !content.Contains((byte)0);
}

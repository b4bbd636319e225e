using System.Text;
using System.Text.Encodings.Web;

namespace EducationHub.WhistleblowingPortal.Html;

/// <summary>
/// Small HTML building helpers. Everything dynamic goes through <see cref="E"/> (HTML-encoded);
/// there is no inline script or style anywhere, so the CSP can forbid both.
/// </summary>
internal static class H
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>Encodes, keeping the writer's line breaks (messages are plain text).</summary>
    public static string Paragraphs(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p class=\"body\">" + E(p.Trim()).Replace("&#xA;", "<br>", StringComparison.Ordinal) + "</p>"));

    public static string Join(IEnumerable<string> parts) => string.Concat(parts);

    public static string Attr(string name, string? value) => value is null ? "" : $" {name}=\"{E(value)}\"";

    public static StringBuilder Append(this StringBuilder sb, params string[] parts)
    {
        foreach (var p in parts)
        {
            sb.Append(p);
        }

        return sb;
    }
}

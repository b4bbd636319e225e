using System.Security.Cryptography;
using static EducationHub.WhistleblowingPortal.Html.H;

namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// The hidden field that makes a form's POST safe to repeat without JavaScript: 128 random bits
/// (base64url) made when the form is first shown, kept when it is shown again with errors, and sent
/// to the service as the idempotency key. A double click, a browser re-sending the POST or a retry
/// after a dropped connection (on any replica) then gets the first answer instead of a second case
/// or message. A new form page gets a new token, so a new report is never taken for a repeat.
/// </summary>
internal static class SubmissionToken
{
    public const string FieldName = "submission";

    // The service's idempotency key format (Whistleblowing: Crypto/IdempotencyKey.cs): 22 to 64 base64url characters.
    private const int MinLength = 22;
    private const int MaxLength = 64;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The token the form was posted with, or a new one when it has none the service would accept (a
    /// form served before this field existed, or tampered with): that post is then simply not repeatable.
    /// </summary>
    public static string From(IFormCollection form)
    {
        var posted = form[FieldName].ToString();
        return posted.Length is >= MinLength and <= MaxLength && posted.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? posted : New();
    }

    public static string Field(string token) => $"<input type=\"hidden\" name=\"{FieldName}\" value=\"{E(token)}\">";
}

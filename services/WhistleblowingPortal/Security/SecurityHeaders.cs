namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// Headers on every portal response: a strict CSP (own origin only, no inline script or style,
/// no framing), no referrer (links out never reveal the page), no caching of pages that may show
/// a receipt code or a conversation, and no powerful browser features.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static void Apply(HttpResponse response)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        h.CacheControl = "no-store";
        h.Pragma = "no-cache";
    }
}

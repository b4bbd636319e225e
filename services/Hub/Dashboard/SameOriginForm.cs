namespace EducationHub.Hub.Dashboard;

/// <summary>
/// Guards the sign-in POST against login CSRF (another site's page signing a member in with the attacker's
/// token): the browser must say the form was posted from this site, by <c>Origin</c> or, where a browser sends
/// none, by <c>Referer</c>. Stateless rather than an antiforgery token, because those are sealed with Data
/// Protection keys that each Hub replica keeps in memory, so a form served by one pod would fail on another.
/// Behind a TLS-terminating proxy the scheme matches only when forwarded headers are on (docs/deploy.md).
/// </summary>
internal static class SameOriginForm
{
    public static bool IsFromThisSite(HttpRequest request)
    {
        if (!Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var site)) return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return SameOrigin(origin, site); // "null" (an opaque origin) never matches
        return SameOrigin(request.Headers.Referer.ToString(), site);
    }

    private static bool SameOrigin(string url, Uri site) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, site.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, site.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == site.Port;
}

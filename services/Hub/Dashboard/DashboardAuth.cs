using EducationHub.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace EducationHub.Hub.Dashboard;

/// <summary>
/// Who may see the dashboard. With Hub:DashboardWithoutSignIn (the AllInOne dev run, bound to
/// 127.0.0.1) nobody is asked. Otherwise the request must carry a partner token with
/// hub.risklist.read that names its organisation and subject: as an Authorization header, or in the HttpOnly
/// cookie set by /hub/sign-in. A member whose signed-in cookie has run out (or whose token no longer passes)
/// is sent to the sign-in page with a reason it shows ("your sign-in has expired"), and the stale cookies go.
/// </summary>
internal sealed class DashboardAuth : IEndpointFilter
{
    public const string Cookie = "ehub_dashboard_token";

    /// <summary>
    /// Says a member signed in on this browser (value "1", no token). It outlives <see cref="Cookie"/>, which ends
    /// when the token does: its presence without the token cookie means the sign-in expired, which the server could
    /// not otherwise tell from never having signed in, because the browser stops sending an expired cookie.
    /// </summary>
    public const string SignedInMarker = "ehub_dashboard_signed_in";

    public const string Scope = "hub.risklist.read";

    /// <summary>Who is looking, for the audit log; without sign-in (the local dev run) nobody is named.</summary>
    private static readonly CallerIdentity Unsigned = new("local (dashboard without sign-in)", "", new HashSet<string>());

    private const string ByCookie = "ehub.dashboard.by-cookie";

    /// <summary>The viewer the filter let through (call only from a dashboard page).</summary>
    public static CallerIdentity Viewer(HttpContext http) =>
        http.Items[typeof(CallerIdentity)] as CallerIdentity ?? throw new InvalidOperationException("Not a dashboard page: nobody was signed in.");

    /// <summary>True when the viewer came in with the sign-in cookie, so the pages offer to sign out.</summary>
    public static bool SignedInByCookie(HttpContext http) => http.Items.ContainsKey(ByCookie);

    /// <summary>
    /// How both sign-in cookies are set and deleted: HttpOnly, SameSite=Strict, dashboard paths only, and Secure whenever
    /// the browser used https (also behind a TLS-terminating ingress once forwarded headers are on).
    /// </summary>
    public static CookieOptions CookieOptions(HttpRequest request, TimeSpan? maxAge = null) =>
        new() { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/hub", MaxAge = maxAge };

    /// <summary>Deletes the sign-in cookies (sign-out, or a sign-in that no longer passes).</summary>
    public static void DeleteCookies(HttpRequest request, HttpResponse response)
    {
        var options = CookieOptions(request);
        response.Cookies.Delete(Cookie, options);
        response.Cookies.Delete(SignedInMarker, options);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<IOptions<HubOptions>>().Value.DashboardWithoutSignIn)
        {
            http.Items[typeof(CallerIdentity)] = Unsigned;
            return await next(context);
        }
        var validator = http.RequestServices.GetService<PartnerTokenValidator>();
        var header = http.Request.Headers.Authorization.ToString();
        var fromCookie = false;
        if (string.IsNullOrEmpty(header) && http.Request.Cookies.TryGetValue(Cookie, out var token))
        {
            header = "Bearer " + token;
            fromCookie = true;
        }
        TokenCheck? check = null;
        if (validator is not null && header.Length > 0)
        {
            check = await validator.ValidateAsync(header, http.RequestAborted);
            // A token naming no organisation or subject would make the read audit anonymous: not a viewer.
            if (check.Succeeded && CallerIdentity.FromPrincipal(check.Principal) is { } viewer && viewer.HasScope(Scope))
            {
                http.Items[typeof(CallerIdentity)] = viewer;
                if (fromCookie) http.Items[ByCookie] = true;
                return await next(context);
            }
        }

        var signIn = "/hub/sign-in?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString);
        // The issuer's keys could not be fetched: the sign-in may be fine, so keep it and let the page say nothing yet.
        if (fromCookie && (check is null || check.KeysUnavailable)) return Results.Redirect(signIn);
        // Only a sign-in made on this browser can have ended; a bad Authorization header is the caller's own affair.
        string? ended = fromCookie ? (SignInProblems.FromCheck(check) == SignInProblem.Expired ? "expired" : "invalid")
            : string.IsNullOrEmpty(http.Request.Headers.Authorization.ToString()) && http.Request.Cookies.ContainsKey(SignedInMarker) ? "expired"
            : null;
        if (ended is null) return Results.Redirect(signIn);
        DeleteCookies(http.Request, http.Response);
        return Results.Redirect(signIn + "&ended=" + ended);
    }
}

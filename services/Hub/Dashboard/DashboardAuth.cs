using EducationHub.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace EducationHub.Hub.Dashboard;

/// <summary>
/// Who may see the dashboard. With Hub:DashboardWithoutSignIn (the AllInOne dev run, bound to
/// 127.0.0.1) nobody is asked. Otherwise the request must carry a partner token with
/// hub.risklist.read that names its organisation and subject: as an Authorization header, or in the HttpOnly
/// cookie set by /hub/sign-in.
/// </summary>
internal sealed class DashboardAuth : IEndpointFilter
{
    public const string Cookie = "ehub_dashboard_token";
    public const string Scope = "hub.risklist.read";

    /// <summary>Who is looking, for the audit log; without sign-in (the local dev run) nobody is named.</summary>
    private static readonly CallerIdentity Unsigned = new("local (dashboard without sign-in)", "", new HashSet<string>());

    /// <summary>The viewer the filter let through (call only from a dashboard page).</summary>
    public static CallerIdentity Viewer(HttpContext http) =>
        http.Items[typeof(CallerIdentity)] as CallerIdentity ?? throw new InvalidOperationException("Not a dashboard page: nobody was signed in.");

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
        if (string.IsNullOrEmpty(header) && http.Request.Cookies.TryGetValue(Cookie, out var token)) header = "Bearer " + token;
        if (validator is not null && header.Length > 0)
        {
            var check = await validator.ValidateAsync(header, http.RequestAborted);
            // A token naming no organisation or subject would make the read audit anonymous: not a viewer.
            if (check.Succeeded && CallerIdentity.FromPrincipal(check.Principal) is { } viewer && viewer.HasScope(Scope))
            {
                http.Items[typeof(CallerIdentity)] = viewer;
                return await next(context);
            }
        }
        return Results.Redirect("/hub/sign-in?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
    }
}

using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Export;
using EducationHub.Hub.Grpc;
using EducationHub.ServiceDefaults.Auth;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Dashboard;

/// <summary>The server-rendered dashboard under /hub (no JavaScript needed; exports for printing).</summary>
public static class DashboardEndpoints
{
    private const string Csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var s = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("EducationHub.Hub.Dashboard.hub.css")!;
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    });

    public static WebApplication MapHubDashboard(this WebApplication app)
    {
        app.MapGet("/hub/assets/hub.css", () => Results.Bytes(Css.Value, "text/css; charset=utf-8")).ExcludeFromDescription();
        // Sign-in and sign-out carry the pages' security headers too (the sign-in form is where a token is pasted).
        var signIn = app.MapGroup("/hub").AddEndpointFilter(SecurityHeaders);
        signIn.MapGet("/sign-in", SignInPage);
        signIn.MapPost("/sign-in", SignIn);
        signIn.MapPost("/sign-out", SignOut);

        // Headers first, so the sign-in redirect of a viewer who is not let in has them as well.
        var pages = app.MapGroup("/hub").AddEndpointFilter(SecurityHeaders).AddEndpointFilter<DashboardAuth>();
        pages.MapGet("", () => Results.Redirect("/hub/risk-list"));
        pages.MapGet("/risk-list", ListPage);
        pages.MapGet("/risk-list.csv", (HttpContext http, RiskListService lists, ReadAudit audit, PriorityModel model, TimeProvider clock, CancellationToken ct) =>
            Export(http, lists, audit, model, clock, "csv", ct));
        pages.MapGet("/risk-list.xlsx", (HttpContext http, RiskListService lists, ReadAudit audit, PriorityModel model, TimeProvider clock, CancellationToken ct) =>
            Export(http, lists, audit, model, clock, "xlsx", ct));
        pages.MapGet("/schools/{urn:int}", SchoolProfile);
        return app;
    }

    /// <summary>
    /// Strict CSP (no script, forms only to this site, no framing), no sniffing, no caching of pages that show the list.
    /// Referrer-Policy "same-origin": nothing leaves for other sites, and this site's own form posts (sign-in, sign-out)
    /// keep their Origin, which <see cref="SameOriginForm"/> checks ("no-referrer" would make it "null").
    /// </summary>
    private static async ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var headers = ctx.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Csp;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return await next(ctx);
    }

    private static (RiskMonth? Month, ListQuery Query) Parse(HttpRequest request, TimeProvider clock)
    {
        var q = request.Query;
        var monthText = q["month"].ToString();
        RiskMonth? month = string.IsNullOrEmpty(monthText) ? RiskMonth.Containing(clock.GetUtcNow()) : RiskMonth.TryParse(monthText, out var m) ? m : null;
        Movement? movement = Enum.TryParse<Movement>(q["movement"].ToString(), true, out var mv) && mv != Movement.Left ? mv : null;
        var sort = Enum.TryParse<ListSort>(q["sort"].ToString(), true, out var s) ? s : ListSort.Priority;
        var la = q["la"].ToString();
        var band = q["band"].ToString();
        return (month, new ListQuery(la.Length > 0 ? la : null, band.Length > 0 ? band : null, movement, sort));
    }

    private static async Task<IResult> ListPage(HttpContext http, RiskListService lists, ReadAudit audit, PriorityModel model, TimeProvider clock, CancellationToken ct)
    {
        var (month, query) = Parse(http.Request, clock);
        if (month is null) return Results.Content(Html.Page("Not a month", "<h1>Not a month</h1><p>Use a month like 2026-11.</p>"), "text/html; charset=utf-8", statusCode: 400);
        var list = await lists.GetAsync(month.Value, ct);
        await audit.RiskListAsync(month.Value, DashboardAuth.Viewer(http), ct);
        var html = RiskListPage.Render(month.Value, list, query, query.Apply(list.Entries), model, http.Request.QueryString.Value?.TrimStart('?') ?? "",
            DashboardAuth.SignedInByCookie(http));
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SchoolProfile(int urn, HttpContext http, SchoolProfileService profiles, ReadAudit audit, PriorityModel model,
        OrganisationNames names, CancellationToken ct)
    {
        try
        {
            var profile = await profiles.GetAsync(urn, 200, ct);
            await audit.SchoolProfileAsync(urn, DashboardAuth.Viewer(http), ct);
            return Results.Content(SchoolPage.Render(profile, model.Threshold, names, DashboardAuth.SignedInByCookie(http)), "text/html; charset=utf-8");
        }
        catch (HubNotFoundException ex)
        {
            return Results.Content(Html.Page("School not found", $"<h1>School not found</h1><p>{Html.E(ex.Message)}</p>"), "text/html; charset=utf-8", statusCode: 404);
        }
    }

    private static async Task<IResult> Export(HttpContext http, RiskListService lists, ReadAudit audit, PriorityModel model, TimeProvider clock, string format, CancellationToken ct)
    {
        var (month, query) = Parse(http.Request, clock);
        if (month is null) return Results.BadRequest("month must be YYYY-MM");
        var list = await lists.GetAsync(month.Value, ct);
        await audit.RiskListExportAsync(month.Value, format, DashboardAuth.Viewer(http), ct);
        var sheet = RiskListSheet.Build(ProtoMapper.Summary(list, model.Bands.Select(b => b.Name).ToList()), query.Apply(list.Entries).Select(ProtoMapper.Entry));
        var buffer = new MemoryStream();
        if (format == "csv") CsvWriter.Write(buffer, sheet);
        else XlsxWriter.Write(buffer, sheet);
        var name = $"eig-risk-list-{month}{(list.Published ? "" : "-draft")}.{format}";
        var type = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return Results.File(buffer.ToArray(), type, name);
    }

    private static IResult SignInPage(HttpRequest request)
    {
        var notice = request.Query["ended"].ToString() switch
        {
            "expired" => "Your sign-in has expired. Sign in again to continue.",
            "invalid" => "Your sign-in is no longer accepted. Sign in again to continue.",
            "signed-out" => "You have signed out.",
            _ => null,
        };
        return SignInForm(SafeReturn(request.Query["returnUrl"].ToString()), null, notice);
    }

    /// <summary>
    /// The sign-in form; with <paramref name="problem"/>, GOV.UK's error pattern: "Error:" in the title, an error
    /// summary linking to the field, the message above the field. The token is never written back into the page.
    /// </summary>
    private static IResult SignInForm(string returnUrl, SignInProblem? problem, string? notice = null)
    {
        var body = new System.Text.StringBuilder();
        string? error = problem is { } p ? SignInProblems.Message(p) : null;
        if (error is not null)
        {
            body.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">")
                .Append("<h2 class=\"error-summary-title\" id=\"error-summary-title\">There is a problem</h2>")
                .Append($"<ul class=\"error-summary-list\"><li><a href=\"#token\">{Html.E(error)}</a></li></ul></div>");
        }
        else if (notice is not null)
        {
            body.Append($"<div class=\"notification-banner\" role=\"status\"><p>{Html.E(notice)}</p></div>");
        }
        body.Append("<h1>Sign in to the EIG dashboard</h1><p>Paste a partner token that carries the <code>hub.risklist.read</code> scope (for a local run: <code>ehub token</code>).</p>")
            .Append($"<form method=\"post\" action=\"/hub/sign-in\" novalidate><input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(returnUrl)}\">")
            .Append($"<div class=\"filters{(error is null ? "" : " form-group-error")}\"><div><label for=\"token\">Token</label>");
        if (error is not null) body.Append($"<p class=\"error-message\" id=\"token-error\"><span class=\"visually-hidden\">Error:</span> {Html.E(error)}</p>");
        body.Append($"<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" size=\"60\"{(error is null ? "" : " class=\"input-error\" aria-describedby=\"token-error\"")}></div>")
            .Append("<div><button class=\"button\" type=\"submit\">Sign in</button></div></div></form>");
        var title = error is null ? "Sign in" : "Error: Sign in";
        var status = problem is { } q ? SignInProblems.Status(q) : StatusCodes.Status200OK;
        return Results.Content(Html.Page(title, body.ToString()), "text/html; charset=utf-8", statusCode: status);
    }

    private static IResult Refused(string what) =>
        Results.Content(
            Html.Page($"{what} refused", $"<h1>{Html.E(what)} refused</h1><p>This {Html.E(what.ToLowerInvariant())} was not sent from the dashboard's own page.</p>"
                                          + "<p><a href=\"/hub/sign-in\">Open the sign-in page</a> and paste your token there.</p>"),
            "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> SignIn(HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (!SameOriginForm.IsFromThisSite(request)) return Refused("Sign-in");

        var form = await request.ReadFormAsync(ct);
        var returnUrl = SafeReturn(form["returnUrl"].ToString());
        var token = form["token"].ToString().Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token[7..].Trim();
        if (token.Length == 0) return SignInForm(returnUrl, SignInProblem.Empty);

        // The same check every dashboard page makes (DashboardAuth) and the gRPC API makes: signature, issuer, audience, lifetime.
        var validator = request.HttpContext.RequestServices.GetService<ServiceDefaults.Auth.PartnerTokenValidator>();
        var check = validator is null ? null : await validator.ValidateAsync("Bearer " + token, ct);
        if (SignInProblems.FromCheck(check) is { } problem) return SignInForm(returnUrl, problem);
        if (SignInProblems.FromPrincipal(check!.Principal!) is { } refused) return SignInForm(returnUrl, refused);

        // The cookie ends when the token does (and after 8 hours at most): a cookie never holds an expired token.
        // The system clock, as the validator's lifetime check uses (not the hub's TimeProvider, which a demo may move).
        var now = TimeProvider.System.GetUtcNow();
        var expires = long.TryParse(check.Principal!.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp) : now;
        var lifetime = expires - now;
        if (lifetime > MaxSignIn) lifetime = MaxSignIn;
        if (lifetime <= TimeSpan.Zero) return SignInForm(returnUrl, SignInProblem.Expired); // within the validator's clock skew
        response.Cookies.Append(DashboardAuth.Cookie, token, DashboardAuth.CookieOptions(request, lifetime));
        // Outlives the token cookie, so the dashboard can say "your sign-in has expired" rather than just ask again.
        response.Cookies.Append(DashboardAuth.SignedInMarker, "1", DashboardAuth.CookieOptions(request, lifetime + SignedInMarkerLinger));
        return Results.Redirect(returnUrl);
    }

    private static IResult SignOut(HttpRequest request, HttpResponse response)
    {
        // Same guard as sign-in: another site must not be able to sign a member out either.
        if (!SameOriginForm.IsFromThisSite(request)) return Refused("Sign-out");
        DashboardAuth.DeleteCookies(request, response);
        return Results.Redirect("/hub/sign-in?ended=signed-out");
    }

    private static readonly TimeSpan MaxSignIn = TimeSpan.FromHours(8);
    private static readonly TimeSpan SignedInMarkerLinger = TimeSpan.FromDays(1);

    /// <summary>Only local dashboard paths: never an open redirect.</summary>
    private static string SafeReturn(string url) =>
        url.StartsWith("/hub", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/hub/risk-list";
}

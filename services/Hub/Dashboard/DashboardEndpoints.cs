using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Export;
using EducationHub.Hub.Grpc;
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
        app.MapGet("/hub/sign-in", SignInPage);
        app.MapPost("/hub/sign-in", SignIn);

        var pages = app.MapGroup("/hub").AddEndpointFilter<DashboardAuth>().AddEndpointFilter(async (ctx, next) =>
        {
            var headers = ctx.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = Csp;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            return await next(ctx);
        });
        pages.MapGet("", () => Results.Redirect("/hub/risk-list"));
        pages.MapGet("/risk-list", ListPage);
        pages.MapGet("/risk-list.csv", (HttpContext http, RiskListService lists, ReadAudit audit, PriorityModel model, TimeProvider clock, CancellationToken ct) =>
            Export(http, lists, audit, model, clock, "csv", ct));
        pages.MapGet("/risk-list.xlsx", (HttpContext http, RiskListService lists, ReadAudit audit, PriorityModel model, TimeProvider clock, CancellationToken ct) =>
            Export(http, lists, audit, model, clock, "xlsx", ct));
        pages.MapGet("/schools/{urn:int}", SchoolProfile);
        return app;
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
        var html = RiskListPage.Render(month.Value, list, query, query.Apply(list.Entries), model, http.Request.QueryString.Value?.TrimStart('?') ?? "");
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SchoolProfile(int urn, HttpContext http, SchoolProfileService profiles, ReadAudit audit, PriorityModel model, CancellationToken ct)
    {
        try
        {
            var profile = await profiles.GetAsync(urn, 200, ct);
            await audit.SchoolProfileAsync(urn, DashboardAuth.Viewer(http), ct);
            return Results.Content(SchoolPage.Render(profile, model.Threshold), "text/html; charset=utf-8");
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

    private static IResult SignInPage(HttpRequest request, HttpResponse response)
    {
        // Same-origin posts then carry Origin and Referer, which SignIn checks; "no-referrer" would make Origin "null".
        response.Headers["Referrer-Policy"] = "same-origin";
        var returnUrl = SafeReturn(request.Query["returnUrl"].ToString());
        var body = "<h1>Sign in to the EIG dashboard</h1><p>Paste a partner token that carries the <code>hub.risklist.read</code> scope (for a local run: <code>ehub token</code>).</p>"
                   + $"<form method=\"post\" action=\"/hub/sign-in\"><input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(returnUrl)}\">"
                   + "<div class=\"filters\"><div><label for=\"token\">Token</label><input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" size=\"60\"></div>"
                   + "<div><button class=\"button\" type=\"submit\">Sign in</button></div></div></form>";
        return Results.Content(Html.Page("Sign in", body), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignIn(HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (!SameOriginForm.IsFromThisSite(request))
        {
            var refused = "<h1>Sign-in refused</h1><p>This sign-in was not sent from the dashboard's own sign-in page.</p>"
                          + "<p><a href=\"/hub/sign-in\">Open the sign-in page</a> and paste your token there.</p>";
            return Results.Content(Html.Page("Sign-in refused", refused), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var form = await request.ReadFormAsync(ct);
        var token = form["token"].ToString().Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token[7..];
        // Secure whenever the browser used https, also behind a TLS-terminating ingress once forwarded headers are on.
        response.Cookies.Append(DashboardAuth.Cookie, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/hub", MaxAge = TimeSpan.FromHours(8),
        });
        return Results.Redirect(SafeReturn(form["returnUrl"].ToString()));
    }

    /// <summary>Only local dashboard paths: never an open redirect.</summary>
    private static string SafeReturn(string url) =>
        url.StartsWith("/hub", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/hub/risk-list";
}

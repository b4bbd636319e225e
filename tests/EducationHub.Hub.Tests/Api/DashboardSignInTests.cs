using System.Net;
using EducationHub.Testing.Auth;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// The sign-in form (its cookie holds the member's bearer token): only the dashboard's own page may post
/// it, and the cookie is Secure whenever the browser used https, also behind a TLS-terminating ingress.
/// </summary>
public class DashboardSignInTests
{
    [Fact]
    public async Task A_sign_in_posted_from_another_site_or_from_nowhere_is_refused_and_sets_no_cookie()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);

        var fromElsewhere = await SignInAsync(http, hub.Token("hub.risklist.read"), origin: "https://attacker.example");
        var opaque = await SignInAsync(http, hub.Token("hub.risklist.read"), origin: "null");
        var refererElsewhere = await SignInAsync(http, hub.Token("hub.risklist.read"), referer: "https://attacker.example/hub/sign-in");
        var unmarked = await SignInAsync(http, hub.Token("hub.risklist.read"));

        foreach (var response in new[] { fromElsewhere, opaque, refererElsewhere, unmarked })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task The_dashboard_s_own_form_signs_in_and_forwarded_https_is_not_trusted_by_default()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);
        var site = hub.Host.WebAddress!.GetLeftPart(UriPartial.Authority);

        var byOrigin = await SignInAsync(http, hub.Token("hub.risklist.read"), origin: site, forwardedProto: "https");
        var byReferer = await SignInAsync(http, hub.Token("hub.risklist.read"), referer: site + "/hub/sign-in?returnUrl=%2Fhub%2Frisk-list");

        foreach (var response in new[] { byOrigin, byReferer })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/hub/risk-list", response.Headers.Location!.OriginalString);
            var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ehub_dashboard_token=", StringComparison.Ordinal));
            Assert.StartsWith("ehub_dashboard_token=", cookie, StringComparison.Ordinal);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            // Plain http, and anyone could send X-Forwarded-Proto: without the setting it changes nothing.
            Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Behind_a_TLS_terminating_proxy_with_forwarded_headers_on_the_cookie_is_Secure()
    {
        // What deploy/k8s sets for the hub: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, i.e. this configuration key.
        await using var hub = await HubHost.StartAsync(dashboardOpen: false, new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
        using var http = NoRedirects(hub);
        var browserSees = "https://" + hub.Host.WebAddress!.Authority;

        var response = await SignInAsync(http, hub.Token("hub.risklist.read"), origin: browserSees, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        // The browser's page was https, so a post claiming the plain-http origin is not from this site.
        var downgraded = await SignInAsync(http, hub.Token("hub.risklist.read"), origin: "http://" + hub.Host.WebAddress!.Authority, forwardedProto: "https");
        Assert.Equal(HttpStatusCode.Forbidden, downgraded.StatusCode);
    }

    [Fact]
    public async Task A_token_that_names_no_organisation_or_subject_does_not_open_the_dashboard()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);

        foreach (var token in new[]
                 {
                     TestTokens.Sign(TestTokens.Request(null, "hub.risklist.read")),
                     TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read") with { Subject = "" }),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hub/risk-list");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/hub/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private static HttpClient NoRedirects(HubHost hub) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = hub.Host.WebAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string token, string? origin = null, string? referer = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hub/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["returnUrl"] = "/hub/risk-list" }),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await http.SendAsync(request);
    }
}

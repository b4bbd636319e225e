using System.Net;
using System.Text.RegularExpressions;
using EducationHub.Testing.Auth;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// The sign-in form checks the pasted token with the service's own token check before keeping it: a token that
/// would not open the dashboard is never stored, and the form says what is wrong (GOV.UK error pattern) without
/// writing the token back. The cookie ends when the token does; a sign-in that ran out is named as such; members
/// can sign out; the sign-in and sign-out responses carry the dashboard's security headers.
/// </summary>
public class DashboardSignInTokenTests
{
    [Fact]
    public async Task A_token_that_would_not_open_the_dashboard_is_refused_at_sign_in_with_what_is_wrong_and_no_cookie()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);
        var cases = new (string Token, HttpStatusCode Status, string Message)[]
        {
            ("", HttpStatusCode.BadRequest, "Enter your token"),
            ("not-a-token-at-all", HttpStatusCode.BadRequest, "What you entered is not a token"),
            (TestTokens.Expired("council", "hub.risklist.read"), HttpStatusCode.Unauthorized, "Your token has expired"),
            (TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read") with { Audience = "another-service" }), HttpStatusCode.Unauthorized, "This token is not for this service"),
            (TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read") with { Issuer = "https://elsewhere.invalid" }), HttpStatusCode.Unauthorized, "This token is not for this service"),
            (TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read"), TestTokens.NewKey()), HttpStatusCode.Unauthorized, "This token is not for this service"),
            (TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read") with { IssuedAt = DateTime.UtcNow.AddHours(1) }), HttpStatusCode.Unauthorized, "Your token is not valid yet"),
            (hub.Token("hub.decisions.write"), HttpStatusCode.Forbidden, "This token does not give permission to read the risk list"),
            (TestTokens.Sign(TestTokens.Request(null, "hub.risklist.read")), HttpStatusCode.Forbidden, "This token does not say who you are"),
        };

        foreach (var (token, status, message) in cases)
        {
            var response = await SignInAsync(http, hub, token);
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(status == response.StatusCode, $"{message}: got {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), message);
            Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
            Assert.Contains("There is a problem", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"token-error\"", html, StringComparison.Ordinal);
            if (token.Length > 0) Assert.DoesNotContain(token, html, StringComparison.Ordinal);
            Assert.Contains("name=\"returnUrl\" value=\"/hub/risk-list\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_ends_when_the_token_does_and_never_after_eight_hours()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);

        var shortToken = TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read") with { Lifetime = TimeSpan.FromMinutes(10) });
        var shortLived = await SignInAsync(http, hub, shortToken);
        var longLived = await SignInAsync(http, hub, TestTokens.Sign(TestTokens.Request("council", "hub.risklist.read") with { Lifetime = TimeSpan.FromHours(24) }));

        Assert.Equal(HttpStatusCode.Redirect, shortLived.StatusCode);
        var tokenCookie = Cookie(shortLived, "ehub_dashboard_token");
        Assert.Contains(shortToken, tokenCookie, StringComparison.Ordinal);
        Assert.InRange(MaxAge(tokenCookie), 540, 600);
        Assert.True(MaxAge(Cookie(shortLived, "ehub_dashboard_signed_in")) > 600, "the signed-in marker outlives the token cookie");
        Assert.Equal(8 * 3600, MaxAge(Cookie(longLived, "ehub_dashboard_token")));
    }

    [Fact]
    public async Task When_a_signed_in_member_s_token_has_expired_the_sign_in_page_says_the_sign_in_has_expired()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);

        // The token cookie still sent (clock skew, or a cookie set before cookies ended with their token) ...
        var stale = await GetAsync(http, "/hub/risk-list?month=2026-11", $"ehub_dashboard_token={TestTokens.Expired("council", "hub.risklist.read")}; ehub_dashboard_signed_in=1");
        // ... or the browser has dropped it with the token's expiry and only the signed-in marker is left.
        var dropped = await GetAsync(http, "/hub/risk-list?month=2026-11", "ehub_dashboard_signed_in=1");
        var neverSignedIn = await GetAsync(http, "/hub/risk-list?month=2026-11", null);

        foreach (var response in new[] { stale, dropped })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.Equal("/hub/sign-in?returnUrl=%2Fhub%2Frisk-list%3Fmonth%3D2026-11&ended=expired", location);
            var deleted = response.Headers.GetValues("Set-Cookie").ToList();
            Assert.Contains(deleted, c => c.StartsWith("ehub_dashboard_token=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
            Assert.Contains(deleted, c => c.StartsWith("ehub_dashboard_signed_in=;", StringComparison.Ordinal));

            var page = await (await GetAsync(http, location, null)).Content.ReadAsStringAsync();
            Assert.Contains("Your sign-in has expired", page, StringComparison.Ordinal);
        }

        Assert.Equal("/hub/sign-in?returnUrl=%2Fhub%2Frisk-list%3Fmonth%3D2026-11", neverSignedIn.Headers.Location!.OriginalString);
        var fresh = await (await GetAsync(http, neverSignedIn.Headers.Location!.OriginalString, null)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("expired", fresh, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_carry_the_dashboard_s_security_headers()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        using var http = NoRedirects(hub);
        var site = hub.Host.WebAddress!.GetLeftPart(UriPartial.Authority);

        var responses = new[]
        {
            await GetAsync(http, "/hub/sign-in", null),
            await SignInAsync(http, hub, hub.Token("hub.risklist.read")),
            await SignInAsync(http, hub, "garbage"),
            await SignInAsync(http, hub, hub.Token("hub.risklist.read"), origin: "https://attacker.example"),
            await PostAsync(http, "/hub/sign-out", site),
            await GetAsync(http, "/hub/risk-list", null),
        };

        foreach (var response in responses)
        {
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task A_member_signs_out_from_the_dashboard_and_another_site_cannot_sign_them_out()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        await hub.SeedTwoSchoolsAsync();
        using var http = NoRedirects(hub);
        var site = hub.Host.WebAddress!.GetLeftPart(UriPartial.Authority);
        var token = hub.Token("hub.risklist.read");

        var list = await (await GetAsync(http, $"/hub/risk-list?month={HubHost.ThisMonth}", $"ehub_dashboard_token={token}")).Content.ReadAsStringAsync();
        var school = await (await GetAsync(http, $"/hub/schools/{HubHost.Urn}", $"ehub_dashboard_token={token}")).Content.ReadAsStringAsync();
        foreach (var page in new[] { list, school })
            Assert.Matches(new Regex("<form [^>]*method=\"post\" action=\"/hub/sign-out\"><button [^>]*type=\"submit\">Sign out</button></form>"), page);

        var refused = await PostAsync(http, "/hub/sign-out", "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));

        var signedOut = await PostAsync(http, "/hub/sign-out", site);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/hub/sign-in?ended=signed-out", signedOut.Headers.Location!.OriginalString);
        var deleted = signedOut.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(deleted, c => c.StartsWith("ehub_dashboard_token=;", StringComparison.Ordinal) && c.Contains("path=/hub", StringComparison.OrdinalIgnoreCase) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        Assert.Contains(deleted, c => c.StartsWith("ehub_dashboard_signed_in=;", StringComparison.Ordinal));
        Assert.Contains("You have signed out", await (await GetAsync(http, "/hub/sign-in?ended=signed-out", null)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // No sign-out where nobody signed in through the form: the open local dashboard.
        await using var open = await HubHost.StartAsync();
        using var openHttp = NoRedirects(open);
        Assert.DoesNotContain("/hub/sign-out", await (await GetAsync(openHttp, "/hub/risk-list", null)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpClient NoRedirects(HubHost hub) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = hub.Host.WebAddress };

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, HubHost hub, string token, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hub/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["returnUrl"] = "/hub/risk-list" }),
        };
        request.Headers.Add("Origin", origin ?? hub.Host.WebAddress!.GetLeftPart(UriPartial.Authority));
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) };
        request.Headers.Add("Origin", origin);
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static int MaxAge(string setCookie) =>
        int.Parse(Regex.Match(setCookie, "max-age=(\\d+)", RegexOptions.IgnoreCase).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}

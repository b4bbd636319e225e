using System.Net;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>Plain HTTP checks of the portal's protections (no browser needed).</summary>
public sealed class PortalHttpTests
{
    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_nothing_reaches_the_service()
    {
        await using var stack = await PortalStack.StartAsync();
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["school-name"] = "X", ["category"] = "other", ["what-happened"] = "forged" });
        var response = await http.PostAsync(stack.Url("/new"), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await stack.Cases<Protos.Whistleblowing.V1.ListCasesRequest, Protos.Whistleblowing.V1.ListCasesResponse>("ListCases", new());
        Assert.Empty(list.Cases);
    }

    [Fact]
    public async Task Receipt_logins_are_rate_limited_per_client()
    {
        await using var stack = await PortalStack.StartAsync(new Dictionary<string, string?> { ["Portal:RateLimits:LoginsPerClientPerHour"] = "2", ["Portal:RateLimits:FailedLoginDelay"] = "00:00:00" });
        using var handler = new HttpClientHandler { UseCookies = true };
        using var http = new HttpClient(handler);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var page = await http.GetStringAsync(stack.Url("/check"));
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__form\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = token, ["receipt-code"] = "1234 5678 1234 5678" });
            statuses.Add((await http.PostAsync(stack.Url("/check"), form)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_the_stylesheet_is_served_locally()
    {
        await using var stack = await PortalStack.StartAsync();
        using var http = new HttpClient();
        var response = await http.GetAsync(stack.Url("/new"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var css = await http.GetAsync(stack.Url("/assets/portal.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".error-summary", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

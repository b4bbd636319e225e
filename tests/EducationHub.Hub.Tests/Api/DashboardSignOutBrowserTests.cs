using System.Text.RegularExpressions;
using EducationHub.Testing.Browser;
using Microsoft.Playwright;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// Sign-out in real headless Chromium, without JavaScript: the dashboard page's own form must pass the same-origin
/// check, which needs the page's Referrer-Policy to keep the post's Origin (under "no-referrer" it is "null").
/// </summary>
public class DashboardSignOutBrowserTests
{
    [Fact]
    public async Task A_member_signs_out_from_the_list_page_and_the_dashboard_asks_for_a_token_again()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        await hub.SeedTwoSchoolsAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync(new Uri(hub.Host.WebAddress!, "/hub/sign-in").ToString());
        await page.FillAsync("#token", "not a token");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("What you entered is not a token");
        Assert.Empty(await context.CookiesAsync());

        await page.FillAsync("#token", hub.Token("hub.risklist.read"));
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hub/risk-list"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Park View Academy");

        await page.ClickAsync("header button:has-text('Sign out')");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hub/sign-in\\?ended=signed-out"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have signed out");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.StartsWith("ehub_dashboard", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(hub.Host.WebAddress!, "/hub/risk-list").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hub/sign-in"));
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("expired");

        problems.AssertNone();
    }
}

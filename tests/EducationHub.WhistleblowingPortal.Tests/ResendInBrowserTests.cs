using System.Collections.Concurrent;
using EducationHub.Testing.Browser;
using Microsoft.Playwright;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>
/// The double-submit guard in a real browser with JavaScript off. (Chromium itself drops the second click of a
/// double click while the form's navigation is pending, so the repeat a browser does send is the reload of a
/// page that answered a POST, or "Send" pressed again after a dropped connection; DoubleSubmitTests covers the
/// concurrent posts over plain HTTP.)
/// </summary>
public sealed class ResendInBrowserTests
{
    [Fact]
    public async Task Reloading_the_receipt_page_without_JavaScript_sends_the_form_again_and_shows_the_same_receipt_for_one_case()
    {
        await using var stack = await PortalStack.StartAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var posts = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/report/new", StringComparison.Ordinal)) posts.Enqueue(request.Url);
        };

        await page.GotoAsync(stack.Url("/new"));
        await page.GetByLabel("School name").FillAsync("Park Road Primary, Birchester");
        await page.GetByLabel("Narrowing of the curriculum (subjects dropped or restricted)").CheckAsync();
        await page.GetByLabel("What happened?").FillAsync("Music lessons were stopped for year 6 girls only.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        Assert.Equal("Report sent", await page.Locator("h1").InnerTextAsync());
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();

        // A reload of a page that answered a POST sends the POST again, body and hidden token included.
        await page.ReloadAsync();
        Assert.Equal(2, posts.Count);
        Assert.Equal("Report sent", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(code, (await page.Locator("#receipt-code").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("whistleblowing-portal", "nojs-receipt-reloaded.png"), FullPage = true });

        // One case, and the code shown twice opens it.
        var caseId = await stack.OnlyCaseIdAsync();
        await page.GotoAsync(stack.Url("/check"));
        await page.GetByLabel("Receipt code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Your report", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(caseId, await stack.OnlyCaseIdAsync());
    }
}

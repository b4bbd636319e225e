using System.Text;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Browser;
using Microsoft.Playwright;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>A reporter's whole journey in a real browser, with JavaScript off and on.</summary>
public sealed class ReporterJourneyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reporter_submits_sees_the_receipt_logs_in_reads_the_reply_answers_and_adds_information(bool javaScript)
    {
        await using var stack = await PortalStack.StartAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        var js = javaScript ? "js" : "nojs";

        // Start page: strict CSP, no third-party requests.
        var start = await page.GotoAsync(stack.Url("/"));
        Assert.Equal(200, start!.Status);
        Assert.Contains("default-src 'self'", (await start.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("Report a concern about a school", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact($"{js}-01-start.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        // Empty form: the error summary links to the fields, each error sits next to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter what happened", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("#what-happened", await page.Locator(".error-summary a", new() { HasText = "Enter what happened" }).GetAttributeAsync("href"));
        Assert.Contains("Enter what happened", await page.Locator("#what-happened-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("what-happened-error", await page.Locator("#what-happened").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Contains("Select what your concern is about", await page.Locator("#category-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter the name of the school", await page.Locator("#school-name-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact($"{js}-02-form-errors.png"), FullPage = true });

        // A valid report with a file.
        await page.GetByLabel("School name").FillAsync("Not sure: Park Road Primary, Birchester");
        await page.GetByLabel("Narrowing of the curriculum (subjects dropped or restricted)").CheckAsync();
        await page.GetByLabel("What happened?").FillAsync("Music and RE lessons were stopped for year 6 girls only.");
        await page.GetByLabel("When did it happen? (optional)").FillAsync("Since January");
        await page.GetByLabel("Create a passphrase (optional)").FillAsync("blue kettle on the hill");
        await page.GetByLabel("Confirm your passphrase").FillAsync("blue kettle on the hill");
        await page.GetByLabel("Upload evidence (optional)").SetInputFilesAsync(new FilePayload { Name = "timetable.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Year 6 timetable: no music") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        // The receipt, shown once.
        Assert.Equal("Report sent", await page.Locator("h1").InnerTextAsync());
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", code);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact($"{js}-03-receipt.png"), FullPage = true });

        // The handler sees it and replies, over gRPC.
        var caseId = await stack.OnlyCaseIdAsync();
        var detail = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = caseId });
        Assert.Equal(ConcernCategory.CurriculumNarrowing, detail.Summary.Category);
        Assert.Equal("timetable.txt", Assert.Single(detail.Attachments).FileName);
        await stack.Cases<AcknowledgeCaseRequest, CaseDetail>("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = caseId, Message = "Thank you. Which year 6 class is this?" });

        // Wrong passphrase: an error next to the code field, no session.
        await page.GotoAsync(stack.Url("/check"));
        await page.GetByLabel("Receipt code").FillAsync(code);
        await page.GetByLabel("Passphrase (if you set one)").FillAsync("wrong kettle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Contains("not right", await page.Locator("#receipt-code-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact($"{js}-04-check-error.png"), FullPage = true });

        await page.GetByLabel("Receipt code").FillAsync(code);
        await page.GetByLabel("Passphrase (if you set one)").FillAsync("blue kettle on the hill");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Your report", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Acknowledged", await page.Locator("#status").InnerTextAsync());
        Assert.Contains("Which year 6 class is this?", await page.Locator(".message--team").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact($"{js}-05-conversation.png"), FullPage = true });

        // Reply: empty first (error next to the field), then for real.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        Assert.Contains("Enter your message", await page.Locator("#message-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Send a message to the whistleblowing team").FillAsync("6B, taught by the deputy head.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        Assert.Contains("Your message has been sent", await page.Locator(".notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("6B, taught by the deputy head.", await page.Locator(".message--reporter").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add information to your original report" }).ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact($"{js}-06-add-information.png"), FullPage = true });
        await page.GetByLabel("Information to add").FillAsync("The governors were told in February.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to report" }).ClickAsync();
        Assert.Contains("You added information", await page.Locator(".messages").InnerTextAsync(), StringComparison.Ordinal);

        var handlerView = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = caseId });
        Assert.Contains(handlerView.Messages, m => m.Body == "6B, taught by the deputy head." && m.Author == MessageAuthor.Reporter);
        Assert.Contains(handlerView.Messages, m => m.Body == "The governors were told in February." && m.AdditionalInformation);

        // Only the form and session cookies, both HttpOnly and SameSite=Strict, scoped to the portal.
        var cookies = await context.CookiesAsync();
        Assert.All(cookies, c =>
        {
            Assert.Contains(c.Name, new[] { "wb-form", "wb-session" });
            Assert.True(c.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, c.SameSite);
        });
        Assert.Contains(cookies, c => c.Name == "wb-session" && c.Path == "/report");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You have signed out", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync(stack.Url("/conversation"));
        Assert.Equal("Check your report", await page.Locator("h1").InnerTextAsync());
        problems.AssertNone();
    }

    private static string Artifact(string name) => HeadlessChromium.ArtifactPath("whistleblowing-portal", name);
}

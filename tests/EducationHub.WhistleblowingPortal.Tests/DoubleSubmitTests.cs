using System.Net;
using System.Text.RegularExpressions;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.WhistleblowingPortal.Security;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>
/// A form posted twice without JavaScript (a double click, the browser re-sending the POST, "Send"
/// pressed again after a dropped connection) creates one case or one message, and a repeated report
/// shows the same receipt code, whichever replica each post reaches.
/// </summary>
public sealed partial class DoubleSubmitTests
{
    // The hidden field's name and the free repeats per charged form (Security/SubmissionToken.cs, Security/ChargedSubmissions.cs).
    private const string Token = "submission";
    private const int FreeRepeats = 3;

    private static Dictionary<string, string> Report(Dictionary<string, string> hidden, string whatHappened = "Disclosures are not being recorded.") => new(hidden)
    {
        ["school-name"] = "Park Road Primary, Birchester",
        ["category"] = "safeguarding",
        ["what-happened"] = whatHappened,
        ["passphrase"] = "blue kettle on the hill",
        ["passphrase-confirm"] = "blue kettle on the hill",
    };

    private static readonly (string, string, byte[]) Minutes = ("minutes.txt", "text/plain", "Minutes of the meeting"u8.ToArray());

    [Fact]
    public async Task The_same_report_form_posted_twice_shows_the_same_receipt_code_and_creates_one_case()
    {
        await using var stack = await PortalStack.StartAsync();
        using var browser = new NoScriptBrowser();
        var form = Report(await browser.OpenFormAsync(stack.Url("/new"), "/new"));

        var first = await browser.PostAsync(stack.Url("/new"), form, Minutes);
        var second = await browser.PostAsync(stack.Url("/new"), form, Minutes);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Report sent", second.Html, StringComparison.Ordinal);
        Assert.Equal(NoScriptBrowser.ReceiptCode(first.Html), NoScriptBrowser.ReceiptCode(second.Html));
        Assert.Contains("with your receipt code and the passphrase you set", second.Html, StringComparison.Ordinal);
        var detail = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = await stack.OnlyCaseIdAsync() });
        Assert.Single(detail.Attachments);
    }

    [Fact]
    public async Task The_same_report_form_posted_several_times_at_once_shows_one_receipt_code_and_creates_one_case()
    {
        await using var stack = await PortalStack.StartAsync();
        using var browser = new NoScriptBrowser();
        var form = Report(await browser.OpenFormAsync(stack.Url("/new"), "/new"));

        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => browser.PostAsync(stack.Url("/new"), form, Minutes))));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages.Select(p => NoScriptBrowser.ReceiptCode(p.Html)).Distinct());
        await stack.OnlyCaseIdAsync();
    }

    [Fact]
    public async Task Posts_of_one_form_reaching_two_replicas_at_once_create_one_case()
    {
        // Replicas without sticky sessions share a key ring (docs/whistleblowing.md), so both accept the form; neither knows the other's posts.
        var keyRing = Directory.CreateTempSubdirectory("ehub-key-ring-").FullName;
        try
        {
            PortalKeyRing.CreateKey(keyRing, DateTimeOffset.UtcNow, PortalKeyRing.DefaultLifetime);
            var shared = new Dictionary<string, string?> { ["Portal:DataProtection:KeyRingDirectory"] = keyRing };
            await using var stack = await PortalStack.StartAsync(shared);
            var other = await stack.StartReplicaAsync(shared);
            using var browser = new NoScriptBrowser();
            var form = Report(await browser.OpenFormAsync(stack.Url("/new"), "/new"));

            var pages = await Task.WhenAll(
                Task.Run(() => browser.PostAsync(stack.Url("/new"), form)),
                Task.Run(() => browser.PostAsync(other.Url("/new"), form)));

            Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
            Assert.Equal(NoScriptBrowser.ReceiptCode(pages[0].Html), NoScriptBrowser.ReceiptCode(pages[1].Html));
            await stack.OnlyCaseIdAsync();
        }
        finally
        {
            Directory.Delete(keyRing, recursive: true);
        }
    }

    [Fact]
    public async Task The_submission_token_is_kept_when_the_form_comes_back_with_errors_so_the_corrected_form_is_still_one_report()
    {
        await using var stack = await PortalStack.StartAsync();
        using var browser = new NoScriptBrowser();
        var hidden = await browser.OpenFormAsync(stack.Url("/new"), "/new");
        var token = hidden[Token];
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.NotEqual(token, (await browser.OpenFormAsync(stack.Url("/new"), "/new"))[Token]); // a new form, a new report

        var invalid = Report(hidden, whatHappened: "");
        var shownAgain = await browser.PostAsync(stack.Url("/new"), invalid);
        Assert.Equal(HttpStatusCode.BadRequest, shownAgain.Status);
        var corrected = Report(NoScriptBrowser.HiddenFields(shownAgain.Html, "/new"));
        Assert.Equal(token, corrected[Token]);

        var first = await browser.PostAsync(stack.Url("/new"), corrected);
        var again = await browser.PostAsync(stack.Url("/new"), corrected);
        Assert.Equal(NoScriptBrowser.ReceiptCode(first.Html), NoScriptBrowser.ReceiptCode(again.Html));
        await stack.OnlyCaseIdAsync();
    }

    [Fact]
    public async Task A_repeated_post_of_a_sent_report_does_not_use_up_the_submission_limit_again()
    {
        await using var stack = await PortalStack.StartAsync(new Dictionary<string, string?> { ["Portal:RateLimits:SubmissionsPerClientPerHour"] = "1" });
        using var browser = new NoScriptBrowser();
        var form = Report(await browser.OpenFormAsync(stack.Url("/new"), "/new"));

        var first = await browser.PostAsync(stack.Url("/new"), form);
        var again = await browser.PostAsync(stack.Url("/new"), form);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(NoScriptBrowser.ReceiptCode(first.Html), NoScriptBrowser.ReceiptCode(again.Html));

        // A new report is still limited.
        var another = Report(await browser.OpenFormAsync(stack.Url("/new"), "/new"), "Something else happened.");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsync(stack.Url("/new"), another)).Status);

        // Endless repeats of one form are charged again after a few (the service does some work for each): "again" was the first.
        var repeats = new List<HttpStatusCode>();
        for (var i = 2; i <= FreeRepeats; i++)
        {
            repeats.Add((await browser.PostAsync(stack.Url("/new"), form)).Status);
        }

        Assert.All(repeats, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostAsync(stack.Url("/new"), form)).Status);
        await stack.OnlyCaseIdAsync();
    }

    [Fact]
    public async Task A_sent_form_posted_again_with_different_answers_is_not_sent_and_its_answers_come_back_to_copy()
    {
        await using var stack = await PortalStack.StartAsync();
        using var browser = new NoScriptBrowser();
        var hidden = await browser.OpenFormAsync(stack.Url("/new"), "/new");
        var first = await browser.PostAsync(stack.Url("/new"), Report(hidden));

        var edited = await browser.PostAsync(stack.Url("/new"), Report(hidden, "Disclosures are not being recorded, and the log was deleted."), Minutes);

        Assert.Equal(HttpStatusCode.Conflict, edited.Status);
        Assert.Contains("This form has already been sent", edited.Html, StringComparison.Ordinal);
        Assert.Contains("the log was deleted", WebUtility.HtmlDecode(UnsentText().Match(edited.Html).Groups[1].Value), StringComparison.Ordinal);
        Assert.Contains("minutes.txt", edited.Html, StringComparison.Ordinal);
        Assert.Contains("/report/new", edited.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("blue kettle", edited.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(NoScriptBrowser.ReceiptCode(first.Html), edited.Html, StringComparison.Ordinal);
        await stack.OnlyCaseIdAsync();
    }

    [Theory]
    [InlineData("/conversation", "/conversation/reply")]
    [InlineData("/add-information", "/add-information")]
    public async Task The_same_message_form_posted_twice_and_at_once_stores_one_message(string page, string action)
    {
        await using var stack = await PortalStack.StartAsync();
        using var browser = new NoScriptBrowser();
        await SignInAsync(stack, browser);
        var form = new Dictionary<string, string>(await browser.OpenFormAsync(stack.Url(page), action)) { ["message"] = "It happened again on Friday." };

        var first = await browser.PostAsync(stack.Url(action), form, Minutes);
        var again = await browser.PostAsync(stack.Url(action), form, Minutes);
        var raced = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => browser.PostAsync(stack.Url(action), form, Minutes))));

        Assert.All(raced.Append(first).Append(again), p => Assert.Contains("Your message has been sent", p.Html, StringComparison.Ordinal));
        var detail = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = await stack.OnlyCaseIdAsync() });
        Assert.Equal("It happened again on Friday.", Assert.Single(detail.Messages).Body);
        Assert.Single(detail.Attachments, a => a.FileName == "minutes.txt");

        // After sending, the page offers a new form: the next message is a new one.
        var next = new Dictionary<string, string>(NoScriptBrowser.HiddenFields(again.Html, "/conversation/reply")) { ["message"] = "And on Monday." };
        Assert.NotEqual(form[Token], next[Token]);
        await browser.PostAsync(stack.Url("/conversation/reply"), next);
        Assert.Equal(2, (await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = await stack.OnlyCaseIdAsync() })).Messages.Count);
    }

    [Fact]
    public async Task A_sent_message_form_posted_again_with_another_text_is_not_sent_and_the_text_comes_back()
    {
        await using var stack = await PortalStack.StartAsync();
        using var browser = new NoScriptBrowser();
        await SignInAsync(stack, browser);
        var hidden = await browser.OpenFormAsync(stack.Url("/conversation"), "/conversation/reply");
        await browser.PostAsync(stack.Url("/conversation/reply"), new Dictionary<string, string>(hidden) { ["message"] = "First text." });

        var edited = await browser.PostAsync(stack.Url("/conversation/reply"), new Dictionary<string, string>(hidden) { ["message"] = "Second text." });

        Assert.Equal(HttpStatusCode.Conflict, edited.Status);
        Assert.Contains("This form has already been sent", edited.Html, StringComparison.Ordinal);
        Assert.Equal("Second text.", WebUtility.HtmlDecode(UnsentText().Match(edited.Html).Groups[1].Value));
        var detail = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = await stack.OnlyCaseIdAsync() });
        Assert.Equal("First text.", Assert.Single(detail.Messages).Body);
    }

    private static async Task SignInAsync(PortalStack stack, NoScriptBrowser browser)
    {
        var sent = await browser.PostAsync(stack.Url("/new"), Report(await browser.OpenFormAsync(stack.Url("/new"), "/new")));
        var check = new Dictionary<string, string>(await browser.OpenFormAsync(stack.Url("/check"), "/check"))
        {
            ["receipt-code"] = NoScriptBrowser.ReceiptCode(sent.Html),
            ["passphrase"] = "blue kettle on the hill",
        };
        Assert.Contains("<h1 class=\"heading-l\">Your report</h1>", (await browser.PostAsync(stack.Url("/check"), check)).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<textarea[^>]*id=\"unsent-message\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex UnsentText();
}

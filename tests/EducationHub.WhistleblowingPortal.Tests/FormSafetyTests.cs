using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>
/// "Every form: bad input gets a clear error and loses nothing", over plain HTTP: what a reporter
/// typed or chose survives errors, expired sessions and oversized uploads, or they are told exactly
/// what to enter again.
/// </summary>
public sealed partial class FormSafetyTests
{
    private static Dictionary<string, string> ValidReport() => new()
    {
        ["school-name"] = "Park Road Primary, Birchester",
        ["category"] = "safeguarding",
        ["what-happened"] = "Disclosures are not being recorded.",
    };

    [Fact]
    public async Task When_the_session_has_ended_a_reply_is_not_lost_the_text_comes_back_and_the_files_are_named()
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        await reporter.SubmitAndSignInAsync(ValidReport());

        // The session ends on the service (here: signed out from another tab holding the same cookie).
        using var otherTab = new PortalClient(stack);
        otherTab.Cookies.Add(reporter.Cookies.GetAllCookies());
        var signOut = await otherTab.PostAsync("/sign-out", "/conversation", new());
        Assert.Contains("You have signed out", await signOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        const string Reply = "A long reply about 6B <b>and</b> the deputy head,\r\nwritten over half an hour.";
        var response = await reporter.PostAsync("/conversation/reply", "/conversation", new() { ["message"] = Reply }, ("minutes.txt", "text/plain", "Minutes"u8.ToArray()));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Your message has not been sent", html, StringComparison.Ordinal);
        Assert.Equal(Reply, WebUtility.HtmlDecode(UnsentText().Match(html).Groups[1].Value));
        Assert.Contains("minutes.txt", html, StringComparison.Ordinal);
        Assert.Contains("attach it again", html, StringComparison.Ordinal);
        Assert.Contains("/report/check", html, StringComparison.Ordinal);
        Assert.Contains("Check your report</h1>", await reporter.GetStringAsync("/conversation"), StringComparison.Ordinal);

        // No session cookie at all (closed browser, restarted portal): the same page, for adding information too.
        var added = await otherTab.PostAsync("/add-information", "/conversation", new() { ["message"] = "The governors knew in February." });
        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal("The governors knew in February.", WebUtility.HtmlDecode(UnsentText().Match(await added.Content.ReadAsStringAsync()).Groups[1].Value));

        var detail = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = await stack.OnlyCaseIdAsync() });
        Assert.Empty(detail.Messages);
    }

    [Fact]
    public async Task After_a_form_error_the_passphrase_and_files_are_asked_for_again_and_never_echoed()
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        var fields = ValidReport();
        fields.Remove("category");
        fields["passphrase"] = "blue kettle on the hill";
        fields["passphrase-confirm"] = "blue kettle on the hill";
        var response = await reporter.PostAsync("/new", "/new", fields, ("timetable.txt", "text/plain", "Year 6"u8.ToArray()), ("C:\\Users\\jo\\notes.txt", "text/plain", "Notes"u8.ToArray()));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#passphrase\">Enter your passphrase again in both boxes", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#attachments\">Select timetable.txt and notes.txt again", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blue kettle", html, StringComparison.Ordinal);
        Assert.Contains("Disclosures are not being recorded.", html, StringComparison.Ordinal);

        // A file the portal refuses keeps its own error, and the good one is named to select again.
        var tooBig = await reporter.PostAsync("/new", "/new", ValidReport(), ("big.pdf", "application/pdf", new byte[(1024 * 1024) + 1]), ("notes.txt", "text/plain", "Notes"u8.ToArray()));
        Assert.Contains("The selected file big.pdf must be smaller than 1 MB. Also select notes.txt again", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_mentions_the_passphrase_only_when_one_was_set()
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        var without = await (await reporter.PostAsync("/new", "/new", ValidReport())).Content.ReadAsStringAsync();
        Assert.Contains("Report sent", without, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase", without, StringComparison.OrdinalIgnoreCase);

        var fields = ValidReport();
        fields["passphrase"] = fields["passphrase-confirm"] = "blue kettle on the hill";
        Assert.Contains("with your receipt code and the passphrase you set", await (await reporter.PostAsync("/new", "/new", fields)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submissions_that_fail_validation_do_not_use_up_the_submission_limit()
    {
        await using var stack = await PortalStack.StartAsync(new Dictionary<string, string?> { ["Portal:RateLimits:SubmissionsPerClientPerHour"] = "1" });
        using var reporter = new PortalClient(stack);
        var invalid = ValidReport();
        invalid.Remove("what-happened");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsync("/new", "/new", invalid)).StatusCode);
        }

        var sent = await reporter.PostAsync("/new", "/new", ValidReport());
        Assert.Contains("Report sent", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await reporter.PostAsync("/new", "/new", ValidReport())).StatusCode);
    }

    [Fact]
    public async Task A_report_refused_by_the_limit_or_an_expired_form_comes_back_to_copy_without_its_passphrase()
    {
        await using var stack = await PortalStack.StartAsync(new Dictionary<string, string?> { ["Portal:RateLimits:SubmissionsPerClientPerHour"] = "1" });
        using var reporter = new PortalClient(stack);
        Assert.Contains("Report sent", await (await reporter.PostAsync("/new", "/new", ValidReport())).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var report = ValidReport();
        report["when"] = "Since September";
        report["passphrase"] = report["passphrase-confirm"] = "a long secret passphrase";

        var limited = await reporter.PostAsync("/new", "/new", report, ("minutes.txt", "text/plain", "Minutes"u8.ToArray()));
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Your report has not been sent", html, StringComparison.Ordinal);
        var answers = WebUtility.HtmlDecode(UnsentText().Match(html).Groups[1].Value);
        Assert.Contains("What happened:\nDisclosures are not being recorded.", answers, StringComparison.Ordinal);
        Assert.Contains("When it happened:\nSince September", answers, StringComparison.Ordinal);
        Assert.Contains("Safeguarding: a child may be at risk of harm", answers, StringComparison.Ordinal);
        Assert.Contains("minutes.txt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a long secret passphrase", html, StringComparison.Ordinal);

        var expired = await reporter.PostAsync("/new", "/new", report, formToken: "CfDJ8-not-a-token");
        var expiredHtml = await expired.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("The form has expired", expiredHtml, StringComparison.Ordinal);
        Assert.Contains("When it happened:\nSince September", WebUtility.HtmlDecode(UnsentText().Match(expiredHtml).Groups[1].Value), StringComparison.Ordinal);
        Assert.DoesNotContain("a long secret passphrase", expiredHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4 * 1024 * 1024)]   // over the form's limit (3 files × 1 MB + text), under the server's default
    [InlineData(40 * 1024 * 1024)]  // over Kestrel's 30 MB default
    public async Task An_oversized_upload_gets_a_clear_page_saying_what_the_limits_are(int bytes)
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        var form = await reporter.GetStringAsync("/new");
        Assert.Contains("Up to 3 files, each smaller than 1 MB", form, StringComparison.Ordinal);

        var response = await reporter.PostAsync("/new", "/new", ValidReport(), ("video.pdf", "application/pdf", new byte[bytes]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Your files are too big", html, StringComparison.Ordinal);
        Assert.Contains("up to 3 files, each smaller than 1 MB", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The form has expired", html, StringComparison.Ordinal);

        // The conversation forms have the same limit and page.
        var reply = await reporter.PostAsync("/conversation/reply", "/new", new() { ["message"] = "x" }, ("video.pdf", "application/pdf", new byte[bytes]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.StatusCode);
    }

    [Fact]
    public async Task Errors_name_the_field_and_the_file_and_the_portal_checks_what_the_service_checks()
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        var fields = ValidReport();
        fields["urn"] = "012345";
        fields["who-else-knows"] = new string('a', 2_001);
        fields["when"] = new string('b', 501);
        var html = await (await reporter.PostAsync("/new", "/new", fields)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#urn\">The URN must be 6 digits and cannot start with 0", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#who-else-knows\">Who else knows must be 2,000 characters or fewer</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#when\">When it happened must be 500 characters or fewer</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("This answer", html, StringComparison.Ordinal);

        // Only the service checks file signatures: its refusal names the file.
        var fake = await reporter.PostAsync("/new", "/new", ValidReport(), ("photo.png", "image/png", "not a png"u8.ToArray()), ("notes.txt", "text/plain", "Notes"u8.ToArray()));
        var fakeHtml = await fake.Content.ReadAsStringAsync();
        Assert.Contains("The file photo.png does not look like the type of file it claims to be. Also select notes.txt again", fakeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_path_sent_as_the_file_name_reaches_handlers_as_the_name_alone()
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        var sent = await reporter.PostAsync("/new", "/new", ValidReport(), ("C:\\Users\\jo.bloggs\\Documents\\minutes.txt", "text/plain", "Minutes"u8.ToArray()));
        Assert.Contains("Report sent", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var detail = await stack.Cases<GetCaseRequest, CaseDetail>("GetCase", new GetCaseRequest { CaseId = await stack.OnlyCaseIdAsync() });
        Assert.Equal("minutes.txt", Assert.Single(detail.Attachments).FileName);
    }

    [Fact]
    public async Task A_passphrase_longer_than_any_report_can_have_is_simply_not_right_at_check()
    {
        await using var stack = await PortalStack.StartAsync();
        using var reporter = new PortalClient(stack);
        var response = await reporter.PostAsync("/check", "/check", new() { ["receipt-code"] = "1234 5678 9012 3456", ["passphrase"] = new string('x', 201) });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The receipt code or passphrase is not right", html, StringComparison.Ordinal);
        Assert.DoesNotContain("We could not check", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<textarea[^>]*id=\"unsent-message\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex UnsentText();

    /// <summary>A cookie-keeping HTTP client that fills in the form's antiforgery token as a browser would.</summary>
    private sealed partial class PortalClient : IDisposable
    {
        private readonly PortalStack stack;
        private readonly HttpClient _http;

        public PortalClient(PortalStack stack)
        {
            this.stack = stack;
            _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { Timeout = TimeSpan.FromMinutes(2) };
        }

        public CookieContainer Cookies { get; } = new();

        public Task<string> GetStringAsync(string path) => _http.GetStringAsync(stack.Url(path));

        public Task<HttpResponseMessage> PostAsync(string path, string formPage, Dictionary<string, string> fields, params (string Name, string Type, byte[] Content)[] files) =>
            PostAsync(path, formPage, fields, formToken: null, files);

        /// <param name="formToken">The antiforgery field to send instead of the page's (a stale or forged form).</param>
        public async Task<HttpResponseMessage> PostAsync(string path, string formPage, Dictionary<string, string> fields, string? formToken, params (string Name, string Type, byte[] Content)[] files)
        {
            var page = await _http.GetStringAsync(stack.Url(formPage));
            using var form = new MultipartFormDataContent { { new StringContent(formToken ?? Token().Match(page).Groups[1].Value), "__form" } };
            foreach (var (k, v) in fields)
            {
                form.Add(new StringContent(v), k);
            }

            foreach (var (name, type, content) in files)
            {
                var part = new ByteArrayContent(content);
                part.Headers.ContentType = new MediaTypeHeaderValue(type);
                // As old browsers send it: the raw name, backslashes and all, in a quoted string.
                part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"attachments\"; filename=\"{name}\"");
                form.Add(part);
            }

            return await _http.PostAsync(stack.Url(path), form);
        }

        public async Task SubmitAndSignInAsync(Dictionary<string, string> report)
        {
            var receipt = await (await PostAsync("/new", "/new", report)).Content.ReadAsStringAsync();
            var code = Regex.Match(receipt, "id=\"receipt-code\">([0-9 ]+)<").Groups[1].Value;
            var signedIn = await PostAsync("/check", "/check", new() { ["receipt-code"] = code });
            Assert.Contains("<h1 class=\"heading-l\">Your report</h1>", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        public void Dispose() => _http.Dispose();

        [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }
}

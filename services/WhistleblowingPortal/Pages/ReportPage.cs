using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.WhistleblowingPortal.Html;
using EducationHub.WhistleblowingPortal.Security;
using Microsoft.AspNetCore.Antiforgery;
using static EducationHub.WhistleblowingPortal.Html.Components;
using static EducationHub.WhistleblowingPortal.Html.H;

namespace EducationHub.WhistleblowingPortal.Pages;

/// <summary>The report form, its validation and the one-time receipt.</summary>
internal static class ReportPage
{
    private static readonly string[] FieldOrder = ["urn", "school-name", "category", "what-happened", "when", "who-else-knows", "contact", "passphrase", "passphrase-confirm", "attachments"];

    // Service field paths → form field ids, so the service's own validation lands next to the right field.
    private static readonly Dictionary<string, string> ServiceFields = new(StringComparer.Ordinal)
    {
        ["urn"] = "urn",
        ["school_name"] = "school-name",
        ["category"] = "category",
        ["what_happened"] = "what-happened",
        ["when_it_happened"] = "when",
        ["who_else_knows"] = "who-else-knows",
        ["contact_details"] = "contact",
        ["passphrase"] = "passphrase",
    };

    public static IResult Get(HttpContext context, Layout layout, IAntiforgery antiforgery) =>
        Form(context, layout, antiforgery, new Dictionary<string, string>(), new FormErrors(), SubmissionToken.New());

    public static async Task<IResult> Post(HttpContext context, Layout layout, IAntiforgery antiforgery, Throttle throttle, WhistleblowingGateway gateway, ILogger<PortalLog> logger)
    {
        if (await FormBody.ReadAsync(context) is not { } form)
        {
            return ErrorPages.TooLarge(layout, "/new", "Your report has not been sent.");
        }

        var values = FieldOrder.ToDictionary(f => f, f => form[f].ToString());
        var token = SubmissionToken.From(form);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return NotSent(layout, "The form has expired", "For your security, forms expire. Your report has not been sent.", values, form,
                $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}/new\">Start the form again</a> and paste your answers in.</p>", 400);
        }

        var errors = new FormErrors();
        Validate(values, errors);
        var files = await Uploads.ReadAsync(form, "attachments", errors, context.RequestAborted);
        if (errors.Any)
        {
            // Not charged to the submission limit: only reports that pass these checks are.
            return Invalid(context, layout, antiforgery, values, errors, [.. files.Select(f => f.FileName)], token);
        }

        // A repeat of a form this replica has already charged is not charged again (the service creates nothing for it).
        if (!throttle.TrySubmit(context, token))
        {
            return NotSent(layout, "Too many attempts",
                "To protect reports, this service limits how often it can be used. Your report has not been sent. Wait an hour and try again.", values, form,
                "<p class=\"body\">If a child is in immediate danger, call 999.</p>", 429);
        }

        var request = new SubmitReportRequest
        {
            Urn = values["urn"].Trim(),
            SchoolName = values["school-name"].Trim(),
            Category = Categories.All.First(c => c.Value == values["category"]).Proto,
            WhatHappened = values["what-happened"].Trim(),
            WhenItHappened = values["when"].Trim(),
            WhoElseKnows = values["who-else-knows"].Trim(),
            ContactDetails = values["contact"].Trim(),
            Passphrase = values["passphrase"],
            Attachments = { files },
            // The same token again (double click, browser retry, on any replica) gets this report's receipt, not a second case.
            IdempotencyKey = token,
        };

        SubmitReportResponse receipt;
        try
        {
            receipt = await gateway.SubmitAsync(request, context.RequestAborted);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            var refused = new HashSet<int>();
            foreach (var violation in e.GetBadRequest()?.FieldViolations ?? [])
            {
                if (violation.Field.StartsWith("attachments", StringComparison.Ordinal))
                {
                    Uploads.AddServiceRefusal(violation.Field, violation.Description, files, "attachments", errors, refused);
                    continue;
                }

                var field = ServiceFields.GetValueOrDefault(violation.Field, "what-happened");
                errors.Add(field, Sentence(field, violation.Description));
            }

            return Invalid(context, layout, antiforgery, values, errors, Uploads.NotRefused(files, refused), token);
        }
        catch (RpcException e) when (WhistleblowingGateway.IsReusedSubmission(e))
        {
            // The form was sent before with other answers (e.g. a page the browser restored, edited): the first report stands.
            return NotSent(layout, "This form has already been sent",
                "A report was already sent from this form, with different answers. Each form sends one report, so these answers have not been sent.", values, form,
                $"<p class=\"body\">To send them as a new report, <a class=\"link\" href=\"{layout.Base}/new\">start a new form</a> and paste your answers in.</p>", 409);
        }
        catch (RpcException e)
        {
            PortalLog.ServiceFailed(logger, "Submit", e.StatusCode);
            return ErrorPages.Unavailable(layout, "Your report has not been sent.");
        }

        return Confirmation(layout, receipt, hasPassphrase: values["passphrase"].Length > 0);
    }

    /// <summary>
    /// The form again with its errors and everything typed, except what cannot be shown back: the
    /// passphrase (never echoed) and the files (browsers cannot re-fill a file input). Each of those,
    /// when given, gets its own error, so resubmitting cannot silently lose it.
    /// </summary>
    /// <param name="token">The form's submission token, kept so that the corrected form is still the same report.</param>
    private static IResult Invalid(HttpContext context, Layout layout, IAntiforgery antiforgery, Dictionary<string, string> values, FormErrors errors, IReadOnlyList<string> filesToSelectAgain, string token)
    {
        if ((values["passphrase"].Length > 0 || values["passphrase-confirm"].Length > 0) && errors.For("passphrase") is null && errors.For("passphrase-confirm") is null)
        {
            errors.Add("passphrase", "Enter your passphrase again in both boxes. For your security it is not kept when there is a problem with the form");
        }

        Uploads.AskToSelectAgain(filesToSelectAgain, "attachments", errors);
        errors.SortBy(FieldOrder);
        return Form(context, layout, antiforgery, values, errors, token);
    }

    private static void Validate(Dictionary<string, string> v, FormErrors errors)
    {
        // The same rules as the service's (Whistleblowing/Grpc/RequestValidation.cs, FieldLimits), so
        // its refusals are only for what the portal cannot check (file signatures).
        var urn = v["urn"].Trim();
        if (urn.Length > 0 && (urn.Length != 6 || !urn.All(char.IsAsciiDigit) || urn[0] == '0'))
        {
            errors.Add("urn", "The URN must be 6 digits and cannot start with 0, like 123456");
        }

        var schoolName = v["school-name"].Trim();
        if (urn.Length == 0 && schoolName.Length == 0)
        {
            errors.Add("school-name", "Enter the name of the school, or its URN if you know it");
        }

        MaxLength(v, "school-name", errors);
        if (!Categories.All.Any(c => c.Value == v["category"]))
        {
            errors.Add("category", "Select what your concern is about");
        }

        if (string.IsNullOrWhiteSpace(v["what-happened"]))
        {
            errors.Add("what-happened", "Enter what happened");
        }

        MaxLength(v, "what-happened", errors);
        MaxLength(v, "when", errors);
        MaxLength(v, "who-else-knows", errors);
        MaxLength(v, "contact", errors);

        var passphrase = v["passphrase"];
        if (passphrase.Length > 0 && passphrase.Length < MinimumPassphrase)
        {
            errors.Add("passphrase", $"Passphrase must be at least {MinimumPassphrase} characters, or leave it empty. Enter it again in both boxes");
        }
        else if (passphrase.Length > Limits["passphrase"])
        {
            errors.Add("passphrase", $"Passphrase must be {Limits["passphrase"]} characters or fewer. Enter it again in both boxes");
        }
        else if (passphrase != v["passphrase-confirm"])
        {
            errors.Add("passphrase-confirm", "The passphrases do not match. Enter your passphrase again in both boxes");
        }
    }

    private const int MinimumPassphrase = 10;

    // The service's FieldLimits, by form field (its lengths are of the trimmed text the portal sends).
    internal static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal)
    {
        ["school-name"] = 200,
        ["what-happened"] = 20_000,
        ["when"] = 500,
        ["who-else-knows"] = 2_000,
        ["contact"] = 1_000,
        ["passphrase"] = 200,
    };

    /// <summary>
    /// A report that was not sent, its answers shown back to copy (never the passphrase), so a reporter who took
    /// half an hour over it does not lose it to an expired form or the rate limit.
    /// </summary>
    private static IResult NotSent(Layout layout, string title, string reason, Dictionary<string, string> values, IFormCollection form, string nextStep, int status)
    {
        var answers = string.Join("\n\n", FieldOrder
            .Where(f => Names.ContainsKey(f) && !f.StartsWith("passphrase", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(values[f]))
            .Select(f => $"{Label(f)}:\n{Answer(f, values[f].Trim())}"));
        return ErrorPages.MessageNotSent(layout, title, reason, answers, Uploads.ChosenNames(form, "attachments"), nextStep, status);
    }

    private static string Label(string field) => field == "urn" ? "School URN" : Names[field];

    private static string Answer(string field, string value) =>
        field == "category" && Categories.All.FirstOrDefault(c => c.Value == value) is { Label: { } label } ? label : value;

    // How each field is named in an error message (GOV.UK: say which answer is wrong).
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["urn"] = "The URN",
        ["school-name"] = "School name",
        ["category"] = "What your concern is about",
        ["what-happened"] = "What happened",
        ["when"] = "When it happened",
        ["who-else-knows"] = "Who else knows",
        ["contact"] = "Your contact details",
        ["passphrase"] = "Passphrase",
    };

    private static void MaxLength(Dictionary<string, string> v, string field, FormErrors errors)
    {
        if (v[field].Trim().Length > Limits[field])
        {
            errors.Add(field, $"{Names[field]} must be {Limits[field].ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters or fewer");
        }
    }

    private static string Sentence(string field, string description) => Names.GetValueOrDefault(field, "This answer") + " " + description;

    private static string LimitHint(string field) => $"Up to {Limits[field].ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters.";

    private static IResult Form(HttpContext context, Layout layout, IAntiforgery antiforgery, Dictionary<string, string> v, FormErrors errors, string token)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        string Value(string key) => v.GetValueOrDefault(key, "");
        var body = ErrorSummary(errors) +
            "<h1 class=\"heading-l\">Tell us about your concern</h1>" +
            "<p class=\"body\">Give as much detail as you can. Do not include your own name unless you want to: you can add contact details separately below.</p>" +
            $"<form method=\"post\" action=\"{layout.Base}/new\" enctype=\"multipart/form-data\" novalidate>" +
            Antiforgery(tokens.FormFieldName, tokens.RequestToken!) + SubmissionToken.Field(token) +
            "<h2 class=\"heading-m\">Which school is it about?</h2>" +
            TextInput("urn", "School URN (optional)", Value("urn"), errors, "The 6-digit unique reference number, if you know it, like 123456. You can find it on Get Information about Schools.", width: "10", inputMode: "numeric") +
            TextInput("school-name", "School name", Value("school-name"), errors, "If you are not sure of the URN, tell us the school's name and town. " + LimitHint("school-name")) +
            Radios("category", "What is your concern mainly about?", [.. Categories.All.Select(c => (c.Value, c.Label))], Value("category"), errors) +
            TextArea("what-happened", "What happened?", Value("what-happened"), errors, "Describe what you saw or heard, who was involved and why it worries you. " + LimitHint("what-happened"), rows: 8) +
            TextInput("when", "When did it happen? (optional)", Value("when"), errors, "For example, 'since September' or '12 March, in a staff meeting'. " + LimitHint("when")) +
            TextArea("who-else-knows", "Who else knows about this? (optional)", Value("who-else-knows"), errors, "For example, other staff, governors, the headteacher, or nobody. " + LimitHint("who-else-knows"), rows: 3) +
            FileInput("attachments", "Upload evidence (optional)", errors, Uploads.Hint) +
            "<h2 class=\"heading-m\">Staying in touch</h2>" +
            TextArea("contact", "Your contact details (optional)", Value("contact"), errors, "Leave this empty to stay anonymous. If you give a name, email or phone number it is sealed: the team can only see it if a senior custodian agrees it is needed. " + LimitHint("contact"), rows: 3) +
            TextInput("passphrase", "Create a passphrase (optional)", null, errors, "Adds protection to your receipt code: you will need both to read replies. Between 10 and 200 characters. We cannot recover it.", type: "password", autocomplete: "new-password") +
            TextInput("passphrase-confirm", "Confirm your passphrase", null, errors, type: "password", autocomplete: "new-password") +
            Button("Send report") + "</form>";
        return layout.Page("Tell us about your concern", body, errors.Any, errors.Any ? 400 : 200, backLink: layout.Base + "/");
    }

    private static IResult Confirmation(Layout layout, SubmitReportResponse receipt, bool hasPassphrase)
    {
        var code = string.Join(' ', receipt.ReceiptCode.Chunk(4).Select(c => new string(c)));
        var ackBy = receipt.AcknowledgementDueBy.ToDateTimeOffset().ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        return layout.Page("Report sent", $"""
            <div class="panel panel--confirmation">
              <h1 class="panel-title">Report sent</h1>
              <div class="panel-body">Your receipt code<br><strong class="receipt-code" id="receipt-code">{E(code)}</strong></div>
            </div>
            <div class="warning-text"><strong class="warning-text-text"><span class="visually-hidden">Warning</span>Write this code down now and keep it somewhere safe. It is shown only once. We do not know it and cannot recover it.</strong></div>
            <h2 class="heading-m">What happens next</h2>
            <p class="body">We will acknowledge your report by {E(ackBy)}, and tell you how we are handling it within 3 months of that.</p>
            <p class="body">To read our replies, answer questions or add information, <a class="link" href="{layout.Base}/check">check your report</a> with your receipt code{(hasPassphrase ? " and the passphrase you set" : "")}.</p>
            <p class="body">If you are using a shared device, close this browser window when you have written the code down.</p>
            """);
    }
}

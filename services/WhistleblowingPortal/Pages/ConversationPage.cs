using System.Globalization;
using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.WhistleblowingPortal.Html;
using EducationHub.WhistleblowingPortal.Security;
using Microsoft.AspNetCore.Antiforgery;
using static EducationHub.WhistleblowingPortal.Html.Components;
using static EducationHub.WhistleblowingPortal.Html.H;

namespace EducationHub.WhistleblowingPortal.Pages;

/// <summary>The reporter's conversation with the team, replying, and adding information to the report.</summary>
internal static class ConversationPage
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static Task<IResult> Get(HttpContext context, Layout layout, IAntiforgery antiforgery, WhistleblowingGateway gateway, ReporterSessionCookie cookie, ILogger<PortalLog> logger) =>
        WithSession(context, layout, cookie, logger, async session =>
            View(context, layout, antiforgery, await gateway.ReadAsync(session, context.RequestAborted), "", new FormErrors(), SubmissionToken.New(), sent: context.Request.Query.ContainsKey("sent")));

    public static Task<IResult> Reply(HttpContext context, Layout layout, IAntiforgery antiforgery, WhistleblowingGateway gateway, ReporterSessionCookie cookie, ILogger<PortalLog> logger) =>
        Write(context, layout, antiforgery, gateway, cookie, logger, addInformation: false);

    public static IResult AddInformationForm(HttpContext context, Layout layout, IAntiforgery antiforgery, ReporterSessionCookie cookie) =>
        cookie.Read(context) is null ? Results.Redirect(layout.Base + "/check") : AddInformationView(context, layout, antiforgery, "", new FormErrors(), SubmissionToken.New());

    public static Task<IResult> AddInformation(HttpContext context, Layout layout, IAntiforgery antiforgery, WhistleblowingGateway gateway, ReporterSessionCookie cookie, ILogger<PortalLog> logger) =>
        Write(context, layout, antiforgery, gateway, cookie, logger, addInformation: true);

    private static async Task<IResult> Write(HttpContext context, Layout layout, IAntiforgery antiforgery, WhistleblowingGateway gateway, ReporterSessionCookie cookie, ILogger<PortalLog> logger, bool addInformation)
    {
        var path = addInformation ? "/add-information" : "/conversation";
        if (await FormBody.ReadAsync(context) is not { } form)
        {
            return ErrorPages.TooLarge(layout, path, "Your message has not been sent.");
        }

        var body = form["message"].ToString();
        var token = SubmissionToken.From(form);
        var chosen = Uploads.ChosenNames(form, "attachments");
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return ErrorPages.MessageNotSent(layout, "The form has expired", "For your security, forms expire. Your message has not been sent.", body, chosen,
                $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}/check\">Check your report</a> to send it again.</p>", 400);
        }

        if (cookie.Read(context) is not { } session)
        {
            return SessionEnded(layout, body, chosen, addInformation);
        }

        try
        {
            var errors = new FormErrors();
            if (string.IsNullOrWhiteSpace(body))
            {
                errors.Add("message", addInformation ? "Enter the information you want to add" : "Enter your message");
            }
            else if (body.Trim().Length > MessageLimit)
            {
                errors.Add("message", $"{(addInformation ? "The information you add" : "Your message")} must be 10,000 characters or fewer");
            }

            var files = await Uploads.ReadAsync(form, "attachments", errors, context.RequestAborted);
            var refused = new HashSet<int>();
            if (!errors.Any)
            {
                try
                {
                    // The form's token as the idempotency key: a repeated post stores no second message and lands here again.
                    if (addInformation)
                    {
                        await gateway.AddInformationAsync(session, body.Trim(), files, token, context.RequestAborted);
                    }
                    else
                    {
                        await gateway.ReplyAsync(session, body.Trim(), files, token, context.RequestAborted);
                    }

                    return Results.Redirect(layout.Base + "/conversation?sent=1");
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
                {
                    foreach (var v in e.GetBadRequest()?.FieldViolations ?? [])
                    {
                        if (!v.Field.StartsWith("attachments", StringComparison.Ordinal))
                        {
                            errors.Add("message", (addInformation ? "The information you add " : "Your message ") + v.Description);
                        }
                        else
                        {
                            Uploads.AddServiceRefusal(v.Field, v.Description, files, "attachments", errors, refused);
                        }
                    }
                }
            }

            Uploads.AskToSelectAgain(Uploads.NotRefused(files, refused), "attachments", errors);
            return addInformation
                ? AddInformationView(context, layout, antiforgery, body, errors, token)
                : View(context, layout, antiforgery, await gateway.ReadAsync(session, context.RequestAborted), body, errors, token, sent: false);
        }
        catch (RpcException e) when (WhistleblowingGateway.IsRejectedCredential(e))
        {
            return SessionEnded(layout, body, chosen, addInformation, cookie, context);
        }
        catch (RpcException e) when (WhistleblowingGateway.IsReusedSubmission(e))
        {
            // The form was sent before with another text (e.g. a page the browser restored, edited): the first message stands.
            return ErrorPages.MessageNotSent(layout, "This form has already been sent",
                "A message was already sent from this form, with different text. Each form sends one message, so this one has not been sent.", body, chosen,
                $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}/conversation\">Go to your report</a> to send it as a new message.</p>", status: 409);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return ErrorPages.MessageNotSent(layout, "Your report is closed",
                "This report has been closed, so it can no longer receive messages. Your message has not been sent.", body, chosen,
                $"<p class=\"body\">If you have a new concern, <a class=\"link\" href=\"{layout.Base}/new\">make a new report</a>.</p>", status: 409);
        }
        catch (RpcException e)
        {
            PortalLog.ServiceFailed(logger, addInformation ? "AddInformation" : "ReplyAsReporter", e.StatusCode);
            return ErrorPages.MessageNotSent(layout, "Sorry, there is a problem with the service",
                "Your message has not been sent. Try again later.", body, chosen,
                "<p class=\"body\">If a child is in immediate danger, call 999.</p>", status: 503);
        }
    }

    private const int MessageLimit = 10_000;

    /// <summary>
    /// The session ended (idle too long, at its maximum, or signed out elsewhere) while the reporter
    /// was writing: nothing is sent, and the text comes back to copy rather than being thrown away.
    /// </summary>
    private static IResult SessionEnded(Layout layout, string body, IReadOnlyList<string> files, bool addInformation, ReporterSessionCookie? cookie = null, HttpContext? context = null)
    {
        if (cookie is not null && context is not null)
        {
            cookie.Clear(context);
        }

        return ErrorPages.MessageNotSent(layout, "Your message has not been sent",
            "You have been signed out, because you had not used this service for a while or had been signed in for a long time. This protects your report if someone else uses your device.",
            body, files,
            $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}/check\" id=\"sign-in-again\">Sign in again with your receipt code</a>, then " +
            (addInformation ? "choose \u2018Add information to your original report\u2019 and paste your text." : "paste your message and send it.") + "</p>",
            status: 403);
    }

    private static async Task<IResult> WithSession(HttpContext context, Layout layout, ReporterSessionCookie cookie, ILogger<PortalLog> logger, Func<string, Task<IResult>> action)
    {
        if (cookie.Read(context) is not { } session)
        {
            return Results.Redirect(layout.Base + "/check");
        }

        try
        {
            return await action(session);
        }
        catch (RpcException e) when (WhistleblowingGateway.IsRejectedCredential(e))
        {
            cookie.Clear(context);
            return Results.Redirect(layout.Base + "/check");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return layout.Page("Your report is closed", "<h1 class=\"heading-l\">Your report is closed</h1><p class=\"body\">This report has been closed, so it can no longer receive messages. If you have a new concern, <a class=\"link\" href=\"" + layout.Base + "/new\">make a new report</a>.</p>", status: 409);
        }
        catch (RpcException e)
        {
            PortalLog.ServiceFailed(logger, "Conversation", e.StatusCode);
            return ErrorPages.Unavailable(layout, "We could not open your report.");
        }
    }

    /// <param name="token">The reply form's submission token: new for a new form, kept when it is shown again with errors.</param>
    private static IResult View(HttpContext context, Layout layout, IAntiforgery antiforgery, ReporterConversation conversation, string draft, FormErrors errors, string token, bool sent)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var messages = conversation.Messages.Count == 0
            ? "<p class=\"body\" id=\"no-messages\">There are no messages yet. We will acknowledge your report within 7 days of receiving it.</p>"
            : "<ol class=\"messages\">" + Join(conversation.Messages.Select(Message)) + "</ol>";
        var reply = !conversation.CanReply
            ? "<p class=\"body\">This report is closed. You can no longer send messages about it.</p>"
            : $"<form method=\"post\" action=\"{layout.Base}/conversation/reply\" enctype=\"multipart/form-data\" novalidate>" + Antiforgery(tokens.FormFieldName, tokens.RequestToken!) + SubmissionToken.Field(token) +
              TextArea("message", "Send a message to the whistleblowing team", draft, errors, "Answer a question or tell us anything new. Up to 10,000 characters.", rows: 5) +
              FileInput("attachments", "Upload evidence (optional)", errors, Uploads.Hint) +
              Button("Send message") + "</form>" +
              $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}/add-information\">Add information to your original report</a></p>";
        var body = ErrorSummary(errors) +
            (sent ? "<div class=\"notification-banner notification-banner--success\" role=\"alert\"><p class=\"notification-banner-heading\">Your message has been sent</p></div>" : "") +
            "<h1 class=\"heading-l\">Your report</h1>" +
            "<dl class=\"summary-list\">" +
            $"<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Status</dt><dd class=\"summary-list-value\"><strong class=\"tag\" id=\"status\">{E(Categories.Status(conversation.Status))}</strong></dd></div>" +
            $"<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Sent</dt><dd class=\"summary-list-value\">{E(When(conversation.ReceivedAt.ToDateTimeOffset()))}</dd></div>" +
            $"<div class=\"summary-list-row\"><dt class=\"summary-list-key\">About</dt><dd class=\"summary-list-value\">{E(Categories.Label(conversation.Category))}</dd></div></dl>" +
            "<h2 class=\"heading-m\">Messages</h2>" + messages + reply +
            $"<form method=\"post\" action=\"{layout.Base}/sign-out\" class=\"sign-out\">" + Antiforgery(tokens.FormFieldName, tokens.RequestToken!) + Button("Sign out", secondary: true) + "</form>";
        return layout.Page("Your report", body, errors.Any, errors.Any ? 400 : 200);
    }

    private static IResult AddInformationView(HttpContext context, Layout layout, IAntiforgery antiforgery, string draft, FormErrors errors, string token)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = ErrorSummary(errors) +
            "<h1 class=\"heading-l\">Add information to your report</h1>" +
            "<p class=\"body\">Tell us anything you remembered or found out after sending your report.</p>" +
            $"<form method=\"post\" action=\"{layout.Base}/add-information\" enctype=\"multipart/form-data\" novalidate>" + Antiforgery(tokens.FormFieldName, tokens.RequestToken!) + SubmissionToken.Field(token) +
            TextArea("message", "Information to add", draft, errors, "Up to 10,000 characters.", rows: 8) +
            FileInput("attachments", "Upload evidence (optional)", errors, Uploads.Hint) +
            Button("Add to report") + "</form>";
        return layout.Page("Add information to your report", body, errors.Any, errors.Any ? 400 : 200, backLink: layout.Base + "/conversation");
    }

    private static string Message(ConversationMessage m)
    {
        var fromReporter = m.Author == MessageAuthor.Reporter;
        var who = fromReporter ? (m.AdditionalInformation ? "You added information" : "You") : "Whistleblowing team";
        var files = m.Attachments.Count == 0 ? "" : "<ul class=\"list message-files\">" + Join(m.Attachments.Select(a => $"<li>Attached: {E(a.FileName)}</li>")) + "</ul>";
        return $"<li class=\"message {(fromReporter ? "message--reporter" : "message--team")}\"><p class=\"message-meta\"><strong>{E(who)}</strong> <span class=\"message-date\">{E(When(m.SentAt.ToDateTimeOffset()))}</span></p>" +
            Paragraphs(m.Body) + files + "</li>";
    }

    // Reporters are in England: show UK local time, not the server's UTC.
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, UkTime).ToString("d MMMM yyyy 'at' h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
}

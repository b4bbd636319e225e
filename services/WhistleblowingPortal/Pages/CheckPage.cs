using EducationHub.Grpc;
using EducationHub.WhistleblowingPortal.Html;
using EducationHub.WhistleblowingPortal.Security;
using Microsoft.AspNetCore.Antiforgery;
using static EducationHub.WhistleblowingPortal.Html.Components;

namespace EducationHub.WhistleblowingPortal.Pages;

/// <summary>"Check your report": receipt code (+ passphrase) → a short session cookie → the conversation.</summary>
internal static class CheckPage
{
    public static IResult Get(HttpContext context, Layout layout, IAntiforgery antiforgery) => Form(context, layout, antiforgery, "", new FormErrors());

    public static async Task<IResult> Post(HttpContext context, Layout layout, IAntiforgery antiforgery, Throttle throttle, WhistleblowingGateway gateway,
        ReporterSessionCookie cookie, PortalOptions options, ILogger<PortalLog> logger)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return ErrorPages.FormExpired(layout, "/check");
        }

        if (!throttle.TryLogin(context))
        {
            return ErrorPages.TooMany(layout);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var code = form["receipt-code"].ToString();
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add("receipt-code", "Enter your receipt code");
        }
        else if (digits.Length != 16 || code.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '-'))
        {
            errors.Add("receipt-code", "Enter the 16-digit receipt code, like 1234 5678 9012 3456");
        }

        if (errors.Any)
        {
            return Form(context, layout, antiforgery, code, errors);
        }

        async Task<IResult> NotRight()
        {
            // Slow-down: every failed attempt costs the caller time on top of the rate limit.
            await Task.Delay(options.RateLimits.FailedLoginDelay, context.RequestAborted);
            errors.Add("receipt-code", "The receipt code or passphrase is not right. Check them and try again");
            return Form(context, layout, antiforgery, code, errors);
        }

        var passphrase = form["passphrase"].ToString();
        if (passphrase.Length > ReportPage.Limits["passphrase"])
        {
            // No report has a passphrase longer than the report form allows (the service refuses one as a bad
            // field): it is simply not right, said and slowed down like any other wrong passphrase.
            return await NotRight();
        }

        try
        {
            var session = await gateway.LoginAsync(digits, passphrase, context.RequestAborted);
            cookie.Set(context, session.SessionToken);
            return Results.Redirect(layout.Base + "/conversation", permanent: false, preserveMethod: false);
        }
        catch (RpcException e) when (WhistleblowingGateway.IsRejectedCredential(e))
        {
            return await NotRight();
        }
        catch (RpcException e)
        {
            PortalLog.ServiceFailed(logger, "ReporterLogin", e.StatusCode);
            return ErrorPages.Unavailable(layout, "We could not check your receipt code.");
        }
    }

    public static async Task<IResult> SignOut(HttpContext context, Layout layout, IAntiforgery antiforgery, WhistleblowingGateway gateway, ReporterSessionCookie cookie)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return ErrorPages.FormExpired(layout, "/conversation");
        }

        if (cookie.Read(context) is { } session)
        {
            try
            {
                await gateway.LogoutAsync(session, context.RequestAborted);
            }
            catch (RpcException)
            {
                // The session expires by itself within minutes; signing out locally is what matters.
            }
        }

        cookie.Clear(context);
        return layout.Page("You have signed out", "<h1 class=\"heading-l\">You have signed out</h1><p class=\"body\">If you are using a shared device, close this browser window.</p>" +
            $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}/check\">Check your report again</a></p>");
    }

    private static IResult Form(HttpContext context, Layout layout, IAntiforgery antiforgery, string code, FormErrors errors)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = ErrorSummary(errors) +
            "<h1 class=\"heading-l\">Check your report</h1>" +
            "<p class=\"body\">Use the receipt code you were given when you sent your report to read replies from the whistleblowing team, answer questions and add information.</p>" +
            $"<form method=\"post\" action=\"{layout.Base}/check\" novalidate>" + Antiforgery(tokens.FormFieldName, tokens.RequestToken!) +
            TextInput("receipt-code", "Receipt code", code, errors, "16 digits, for example 1234 5678 9012 3456", width: "20", inputMode: "numeric") +
            TextInput("passphrase", "Passphrase (if you set one)", null, errors, type: "password", autocomplete: "current-password") +
            Button("Continue") + "</form>" +
            "<p class=\"body\">If you have lost your receipt code, we cannot recover it. You can <a class=\"link\" href=\"" + layout.Base + "/new\">make a new report</a> and mention your earlier one.</p>";
        return layout.Page("Check your report", body, errors.Any, errors.Any ? 400 : 200, backLink: layout.Base + "/");
    }
}

using EducationHub.WhistleblowingPortal.Html;
using static EducationHub.WhistleblowingPortal.Html.H;

namespace EducationHub.WhistleblowingPortal.Pages;

internal static class ErrorPages
{
    public static IResult TooMany(Layout layout) => layout.Page("Too many attempts",
        "<h1 class=\"heading-l\">Too many attempts</h1><p class=\"body\">To protect reports, this service limits how often it can be used. Wait an hour and try again.</p>" +
        "<p class=\"body\">If a child is in immediate danger, call 999.</p>", status: 429);

    public static IResult FormExpired(Layout layout, string path) => layout.Page("The form has expired",
        $"<h1 class=\"heading-l\">The form has expired</h1><p class=\"body\">For your security, forms expire. Nothing has been sent. <a class=\"link\" href=\"{layout.Base}{path}\">Start the form again</a>.</p>", status: 400);

    public static IResult Unavailable(Layout layout, string whatHappened) => layout.Page("Sorry, there is a problem with the service",
        $"<h1 class=\"heading-l\">Sorry, there is a problem with the service</h1><p class=\"body\">{E(whatHappened)} Try again later.</p>" +
        "<p class=\"body\">If a child is in immediate danger, call 999.</p>", status: 503);

    /// <summary>The request was bigger than any form the portal serves can be (see <see cref="FormBody"/>); nothing of it was read.</summary>
    public static IResult TooLarge(Layout layout, string path, string notSent) => layout.Page("Your files are too big",
        "<h1 class=\"heading-l\">Your files are too big</h1>" +
        $"<p class=\"body\">{E(notSent)} The files you chose add up to more than this form can take, so nothing you entered on the form reached us.</p>" +
        $"<p class=\"body\">You can attach up to {Uploads.MaxCount} files, each smaller than 1 MB: PDF, PNG, JPEG or plain text. To send a bigger document, take screenshots of the pages that matter or split it into smaller files.</p>" +
        $"<p class=\"body\"><a class=\"link\" href=\"{layout.Base}{path}\">Go back to the form</a></p>", status: 413);

    /// <summary>
    /// A message that could not be sent (the session ended, the report closed, the service failed),
    /// with the text the reporter typed shown back so that nothing they wrote is lost.
    /// </summary>
    public static IResult MessageNotSent(Layout layout, string title, string reason, string message, IReadOnlyList<string> files, string nextStep, int status)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "" :
            "<div class=\"form-group\"><label class=\"label\" for=\"unsent-message\">Your message (not sent)</label>" +
            "<div class=\"hint\" id=\"unsent-message-hint\">Copy it and keep it until you can send it. On a shared device, do not save it anywhere others can see.</div>" +
            $"<textarea class=\"textarea\" id=\"unsent-message\" rows=\"8\" readonly aria-describedby=\"unsent-message-hint\">{E(message)}</textarea></div>";
        var attached = files.Count == 0 ? "" :
            $"<p class=\"body\" id=\"unsent-files\">The {(files.Count == 1 ? "file" : "files")} you chose ({E(Uploads.Names(files))}) {(files.Count == 1 ? "was" : "were")} not sent either: you will need to attach {(files.Count == 1 ? "it" : "them")} again.</p>";
        return layout.Page(title,
            $"<h1 class=\"heading-l\">{E(title)}</h1><p class=\"body\">{E(reason)}</p>" + text + attached + nextStep, status: status);
    }
}

using EducationHub.WhistleblowingPortal.Html;

namespace EducationHub.WhistleblowingPortal.Pages;

internal static class ErrorPages
{
    public static IResult TooMany(Layout layout) => layout.Page("Too many attempts",
        "<h1 class=\"heading-l\">Too many attempts</h1><p class=\"body\">To protect reports, this service limits how often it can be used. Wait an hour and try again.</p>" +
        "<p class=\"body\">If a child is in immediate danger, call 999.</p>", status: 429);

    public static IResult FormExpired(Layout layout, string path) => layout.Page("The form has expired",
        $"<h1 class=\"heading-l\">The form has expired</h1><p class=\"body\">For your security, forms expire. Nothing has been sent. <a class=\"link\" href=\"{layout.Base}{path}\">Start the form again</a>.</p>", status: 400);

    public static IResult Unavailable(Layout layout, string whatHappened) => layout.Page("Sorry, there is a problem with the service",
        $"<h1 class=\"heading-l\">Sorry, there is a problem with the service</h1><p class=\"body\">{H.E(whatHappened)} Try again later.</p>" +
        "<p class=\"body\">If a child is in immediate danger, call 999.</p>", status: 503);
}

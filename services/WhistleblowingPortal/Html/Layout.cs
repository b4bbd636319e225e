using static EducationHub.WhistleblowingPortal.Html.H;

namespace EducationHub.WhistleblowingPortal.Html;

/// <summary>The page shell: skip link, header, width container, main, footer. No scripts, no third-party assets.</summary>
internal sealed class Layout(PortalOptions options)
{
    public string Base => options.PathBase.TrimEnd('/');

    public IResult Page(string title, string body, bool hasErrors = false, int status = 200, string? backLink = null)
    {
        var html =
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
            $"<title>{(hasErrors ? "Error: " : "")}{E(title)} – {E(options.ServiceName)}</title>" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">" +
            "<meta name=\"robots\" content=\"noindex, nofollow\">" +
            $"<link rel=\"stylesheet\" href=\"{Base}/assets/portal.css\">" +
            // Our own icon: without one every page view makes the browser ask for /favicon.ico and log a 404.
            $"<link rel=\"icon\" type=\"image/svg+xml\" href=\"{Base}/assets/favicon.svg\"></head><body>" +
            "<a href=\"#main-content\" class=\"skip-link\">Skip to main content</a>" +
            "<header class=\"header\"><div class=\"width-container header-container\">" +
            $"<span class=\"header-council\">{E(options.CouncilName)}</span>" +
            $"<a href=\"{Base}/\" class=\"header-service\">{E(options.ServiceName)}</a></div></header>" +
            "<div class=\"width-container\">" +
            (backLink is null ? "" : $"<a href=\"{E(backLink)}\" class=\"back-link\">Back</a>") +
            $"<main class=\"main\" id=\"main-content\" tabindex=\"-1\">{body}</main></div>" +
            "<footer class=\"footer\"><div class=\"width-container\">" +
            "<p class=\"footer-text\">This service does not record your IP address or browser details, uses no analytics and sets no tracking cookies. " +
            "It sets one cookie to protect forms, and one while you are signed in to read your report.</p>" +
            "</div></footer></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

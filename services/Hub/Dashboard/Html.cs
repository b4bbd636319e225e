using System.Text;
using System.Text.Encodings.Web;

namespace EducationHub.Hub.Dashboard;

/// <summary>HTML building blocks for the dashboard: everything user-visible goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <param name="signOut">Offer "Sign out" in the header (a member signed in through /hub/sign-in is looking).</param>
    public static string Page(string title, string body, string? breadcrumb = null, bool signOut = false)
    {
        var sb = new StringBuilder(body.Length + 2048);
        sb.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append(" - EducationHub</title><link rel=\"stylesheet\" href=\"/hub/assets/hub.css\">");
        // An empty icon, or every page view costs a 404 for /favicon.ico (a console error in the browser).
        sb.Append("<link rel=\"icon\" href=\"data:,\"></head><body>");
        sb.Append("<a href=\"#main\" class=\"skip-link\">Skip to main content</a>");
        sb.Append("<header class=\"header\"><div class=\"width\"><a class=\"header-title\" href=\"/hub\">EducationHub</a> <span class=\"header-service\">Education Improvement Group</span>");
        // A form, not a link: signing out changes state, so it is a same-origin-checked POST like signing in.
        if (signOut) sb.Append("<form class=\"header-sign-out\" method=\"post\" action=\"/hub/sign-out\"><button class=\"link-button\" type=\"submit\">Sign out</button></form>");
        sb.Append("</div></header>");
        sb.Append("<div class=\"width\">");
        if (breadcrumb is not null) sb.Append("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">").Append(breadcrumb).Append("</nav>");
        sb.Append("<main id=\"main\">").Append(body).Append("</main></div>");
        sb.Append("<footer class=\"footer\"><div class=\"width\">OFFICIAL-SENSITIVE. Reasons cite source records; whistleblowing entries show category and severity only.</div></footer></body></html>");
        return sb.ToString();
    }

    public static string Tag(string text, string kind) => $"<strong class=\"tag tag-{E(kind.ToLowerInvariant())}\">{E(text)}</strong>";

    public static string Option(string value, string label, string? selected) =>
        $"<option value=\"{E(value)}\"{(string.Equals(value, selected ?? "", StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(label)}</option>";
}

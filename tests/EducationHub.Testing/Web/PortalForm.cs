using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace EducationHub.Testing.Web;

/// <summary>A whistleblower using the portal's form as a browser without JavaScript does: GET the form (anti-forgery cookie and token), POST it.</summary>
public static partial class PortalForm
{
    /// <summary>Submits a report; returns the confirmation page (which holds the receipt code).</summary>
    public static async Task<string> ReportAsync(Uri portal, int urn, string category, string whatHappened)
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = portal, Timeout = TimeSpan.FromSeconds(60) };
        var form = await http.GetStringAsync("/report/new");
        var token = FormToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__form"] = WebUtility.HtmlDecode(token),
            ["urn"] = urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["category"] = category,
            ["what-happened"] = whatHappened,
            ["when"] = "since September",
        });
        using var response = await http.PostAsync("/report/new", content);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the portal answered {(int)response.StatusCode}: {page}");
        return page;
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

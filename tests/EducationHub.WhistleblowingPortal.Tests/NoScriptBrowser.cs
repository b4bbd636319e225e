using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>
/// What a browser without JavaScript does with a portal form: GET the page once (cookies and hidden
/// fields), then POST exactly what the page holds, as often as the reporter clicks or the browser
/// retries. Keeps cookies like a browser; follows redirects.
/// </summary>
public sealed partial class NoScriptBrowser : IDisposable
{
    private readonly HttpClient _http;

    public NoScriptBrowser() => _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { Timeout = TimeSpan.FromMinutes(2) };

    public CookieContainer Cookies { get; } = new();

    /// <summary>The page's hidden fields (antiforgery and submission tokens) for the form posting to <paramref name="action"/>.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync(string url, string action)
    {
        var page = await _http.GetStringAsync(url);
        return HiddenFields(page, action);
    }

    public async Task<(HttpStatusCode Status, string Html)> PostAsync(string url, IReadOnlyDictionary<string, string> fields, params (string Name, string Type, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, type, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "attachments", name);
        }

        using var response = await _http.PostAsync(url, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The hidden inputs of the form whose action ends with <paramref name="action"/>.</summary>
    public static Dictionary<string, string> HiddenFields(string page, string action)
    {
        var form = Regex.Match(page, $"<form method=\"post\" action=\"[^\"]*{Regex.Escape(action)}\".*?</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"no form posting to {action}");
        return Hidden().Matches(form.Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    /// <summary>The receipt code on a confirmation page ("1234 5678 9012 3456").</summary>
    public static string ReceiptCode(string page)
    {
        var code = Receipt().Match(page);
        Assert.True(code.Success, "no receipt code on the page: " + page);
        return code.Groups[1].Value;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex Hidden();

    [GeneratedRegex("id=\"receipt-code\">([0-9 ]+)<")]
    private static partial Regex Receipt();
}

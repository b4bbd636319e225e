using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EducationHub.Testing.Browser;

/// <summary>
/// What a user would not see but a careful tester would: console errors (a CSP violation or a
/// missing asset shows up there) and requests that failed outright. A page that answers a form
/// with 400 is the page's own business, so failed-status messages about documents the tab
/// navigated to are not counted; the same message about an asset (favicon, stylesheet) is.
/// </summary>
public sealed partial class PageProblems
{
    private readonly List<(string Text, string Url)> _console = [];
    private readonly List<string> _failedRequests = [];
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);

    private PageProblems()
    {
    }

    public static PageProblems Watch(IPage page)
    {
        var problems = new PageProblems();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems._console) problems._console.Add((message.Text, LineAndColumn().Replace(message.Location, "")));
            }
        };
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                lock (problems._documents) problems._documents.Add(request.Url);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (problems._failedRequests) problems._failedRequests.Add(request.Url);
        };
        return problems;
    }

    public IReadOnlyList<string> Found()
    {
        lock (_console) lock (_documents) lock (_failedRequests)
        {
            return
            [
                .. _console.Where(c => !(c.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && _documents.Contains(c.Url)))
                    .Select(c => $"console: {c.Text} ({c.Url})"),
                .. _failedRequests.Select(url => "request failed: " + url),
            ];
        }
    }

    public void AssertNone()
    {
        var found = Found();
        if (found.Count > 0)
        {
            throw new InvalidOperationException("The browser reported problems:" + Environment.NewLine + string.Join(Environment.NewLine, found));
        }
    }

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();
}

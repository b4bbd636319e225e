using Microsoft.Playwright;

namespace EducationHub.Testing.Browser;

/// <summary>
/// The system's Chromium (/usr/bin/chromium, installed by test.sh; Playwright never downloads a
/// browser here) driven headless by Playwright.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    // Without the background-networking switches Chromium keeps dialling Google's hosts, which this
    // closed network refuses; --no-sandbox because the tests run as root.
    private static readonly string[] Switches =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Switches,
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>Where a test keeps screenshots and downloads: $EHUB_TEST_ARTIFACTS/&lt;area&gt;/ (test.sh sets it).</summary>
    public static string ArtifactPath(string area, string name)
    {
        var root = Environment.GetEnvironmentVariable("EHUB_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "ehub-artifacts");
        var directory = Path.Combine(root, area);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

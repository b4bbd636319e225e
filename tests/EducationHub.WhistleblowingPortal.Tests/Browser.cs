using Microsoft.Playwright;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>Real headless Chromium (the system's /usr/bin/chromium; never downloaded) driven by Playwright.</summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    public static string ArtifactPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable("EHUB_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? Path.Combine(configured, "whistleblowing-portal")
            : Path.Combine(Path.GetTempPath(), "ehub-artifacts", "whistleblowing-portal");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}

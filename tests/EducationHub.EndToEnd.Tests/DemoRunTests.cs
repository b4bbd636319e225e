using System.Text.RegularExpressions;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// The README's main job (`dotnet run --project services/AllInOne`) loads its demo data through the
/// services' own APIs, so every validation rule the services gain applies to the demo too: a step the
/// services refuse would quietly thin out the list a newcomer sees.
/// </summary>
public partial class DemoRunTests
{
    [Fact]
    public async Task The_one_command_run_loads_every_demo_step_and_prints_where_to_go_and_the_risk_list()
    {
        var host = await AllInOneProcess.StartAsync(arguments: ["--Demo:Seed=true"], timeout: TimeSpan.FromSeconds(300));
        try
        {
            var output = host.Output;
            var loaded = Loaded().Match(output);
            Assert.True(loaded.Success, "no demo summary line in:\n" + output);
            Assert.True(int.Parse(loaded.Groups["steps"].Value, System.Globalization.CultureInfo.InvariantCulture) > 500, loaded.Value);
            Assert.True(loaded.Groups["refused"].Value == "0", "demo steps refused by the services:\n" +
                string.Join('\n', output.Split('\n').Where(l => l.Contains("refused", StringComparison.OrdinalIgnoreCase))));
            Assert.Contains("EIG dashboard:", output, StringComparison.Ordinal);
            Assert.Contains("Whistleblowing portal:", output, StringComparison.Ordinal);
            Assert.Matches(@"draft list, \d+ schools \(\d+ High", output);
            // Redirected, the console is 80 columns wide: the narrow table, whose first row is one line with its URN and priority.
            Assert.Matches(@"│ Main reason +│", output);
            Assert.Matches(@"│ +1 │ \d{6} │ [^│]+│ +(\e\[1m)?\d+(\e\[0m)? │", output);
            // Reasons in words with the points they add ("risk score +60"), not as codes ("risk.assessment 60").
            Assert.Matches(@"│ [a-z][a-z ]+ [+-]\d+ ", output);
            Assert.DoesNotMatch(@"│ [a-z]+\.[a-z.-]+ ", output);
        }
        finally
        {
            await host.DisposeAsync();
            AllInOneProcess.DeleteDirectory(host.WorkingDirectory);
        }
    }

    [GeneratedRegex(@"Demo data loaded through the services in [\d.]+ s: \d+ schools, (?<steps>\d+) steps \((?<refused>\d+) refused\)")]
    private static partial Regex Loaded();
}

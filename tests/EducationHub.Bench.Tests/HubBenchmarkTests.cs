using System.Globalization;
using System.Text.RegularExpressions;

namespace EducationHub.Bench.Tests;

/// <summary>bench/hub at a tiny size: both databases, both build paths, paging and ingestion all report.</summary>
public sealed class HubBenchmarkTests
{
    [Fact]
    public async Task Both_build_paths_list_the_same_schools_on_both_databases_and_ingestion_reports_a_ratio()
    {
        var report = Path.Combine(Path.GetTempPath(), $"ehub-hub-bench-{Guid.NewGuid():N}.md");
        try
        {
            var run = await BenchProgram.RunAsync("bench/hub", "EducationHub.Bench.Hub", ["200", "5000", "300", report], TimeSpan.FromMinutes(5));

            Assert.True(run.ExitCode == 0 && !run.TimedOut, run.Describe());
            var text = await File.ReadAllTextAsync(report);
            // The streamed build is the service's code; materialise-all is the old design kept as the
            // reference: on the same data both must list the same schools, on SQLite and PostgreSQL.
            var listed = Regex.Matches(text, @"^\| (SQLite|PostgreSQL) \| (streamed|materialise-all) \| (\d+) \|", RegexOptions.Multiline)
                .Select(m => (Database: m.Groups[1].Value, Path: m.Groups[2].Value, Count: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
                .ToList();
            Assert.Equal(4, listed.Count);
            Assert.Single(listed.Select(l => l.Count).Distinct());
            Assert.InRange(listed[0].Count, 1, 200);
            Assert.Matches(@"\| p99 \| \*\*[0-9.]+ ms\*\* \|", text);
            var ratio = Regex.Match(text, @"Hub / raw = \*\*([0-9.]+)\*\*");
            Assert.True(ratio.Success && double.Parse(ratio.Groups[1].Value, CultureInfo.InvariantCulture) > 0, text);
            // A consumers' share is a difference of two runs; at this size it must not come out as a negative cost.
            var shares = Regex.Match(text, @"consumers' process share: raw (.*?), hub (.*?)\.\r?$", RegexOptions.Multiline);
            Assert.True(shares.Success, text);
            Assert.False(shares.Groups[1].Value.StartsWith('-') || shares.Groups[2].Value.StartsWith('-'), shares.Value);
        }
        finally
        {
            File.Delete(report);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Cli;

/// <summary>
/// <c>import --data &lt;folder&gt; [--la 330,331] [--assess-as-of yyyy-mm-dd]</c>: loads a folder of
/// extracts into the service's database (the same configuration as the service: ConnectionStrings__schoolrisk,
/// Persistence__DataDirectory), then optionally assesses every school. Events wait in the outbox
/// until the service runs. Prints per-file reports, timings and peak memory.
/// </summary>
public static class ImportCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "import";

    /// <summary>How many problems a file's report prints before it says how many more there are.</summary>
    public const int IssuesShown = 5;

    /// <summary>
    /// The first problems of a file, then how many were left out, so a console that shows five problems is
    /// not read as a file with five.
    /// </summary>
    public static IEnumerable<string> IssueLines(ImportReport report)
    {
        foreach (var issue in report.Issues.Take(IssuesShown))
        {
            yield return $"    line {issue.LineNumber}: {issue.Message}";
        }
        var notShown = Math.Max(report.Rejected, report.Issues.Count) - Math.Min(IssuesShown, report.Issues.Count);
        if (notShown > 0)
        {
            yield return Inv($"    and {notShown} more (the gRPC ImportIndicators/ImportRegister report lists up to {ImportReport.MaxIssuesKept})");
        }
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = CommandOptions.Parse(args[1..], error);
        if (options is null || !options.TryGetValue("data", out var folder) || !Directory.Exists(folder))
        {
            error.WriteLine("usage: import --data <folder of CSV extracts> [--la 330,331] [--assess-as-of yyyy-mm-dd]");
            return 2;
        }
        var builder = WebApplication.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSchoolRisk();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<SchoolRiskDbContext>().Database.MigrateAsync();

        var scopeFilter = options.TryGetValue("la", out var la) ? ImportScope.ForLocalAuthorities(la.Split(',')) : ImportScope.Everything;
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var reports = await services.GetRequiredService<OpenDataFolderImporter>().ImportAsync(folder, scopeFilter, "cli", CancellationToken.None);
        var importTime = clock.Elapsed;
        foreach (var report in reports)
        {
            output.WriteLine(report.ToString());
            foreach (var line in IssueLines(report))
            {
                output.WriteLine(line);
            }
        }
        output.WriteLine(Inv($"import: {reports.Count} files, {reports.Sum(r => r.RowsRead)} rows in {importTime.TotalSeconds:0.0} s (CPU {CpuSince(process, ref cpu):0.0} s)"));

        if (options.TryGetValue("assess-as-of", out var asOfText))
        {
            var asOf = DateOnly.ParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var assessor = services.GetRequiredService<RiskAssessor>();
            clock.Restart();
            var scored = await assessor.AssessLocalAuthorityAsync(null, asOf, includeClosed: false, CancellationToken.None);
            output.WriteLine(Inv($"score only (load evidence + assess, nothing stored) as of {asOf:yyyy-MM-dd}: {scored.Count} schools in {clock.Elapsed.TotalSeconds:0.00} s (CPU {CpuSince(process, ref cpu):0.00} s)"));
            clock.Restart();
            var result = await assessor.AssessAllAsync(asOf, null, CancellationToken.None);
            output.WriteLine(Inv($"assess-all (score, store, publish via outbox) as of {asOf:yyyy-MM-dd}: {result.Assessed} schools, {result.Published} events, model {result.ModelVersion}, {clock.Elapsed.TotalSeconds:0.00} s (CPU {CpuSince(process, ref cpu):0.00} s)"));
        }
        process.Refresh();
        output.WriteLine(Inv($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB"));
        return 0;
    }

    /// <summary>CPU seconds used since the last call: on a shared, oversubscribed machine this is fairer than wall time.</summary>
    private static double CpuSince(Process process, ref TimeSpan last)
    {
        process.Refresh();
        var now = process.TotalProcessorTime;
        var used = (now - last).TotalSeconds;
        last = now;
        return used;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

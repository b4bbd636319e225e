using System.Globalization;
using EducationHub.SchoolRisk.Application.Model;

using EducationHub.SchoolRisk.Application.Backtest;

namespace EducationHub.SchoolRisk.Application.Cli;

/// <summary>
/// <c>backtest --as-of 2016-12-31 --data ../shared/data [--until 2017-12-31] [--model file.json] [--report out.md]</c>:
/// prints the model-vs-baselines comparison table; optionally writes it as Markdown.
/// </summary>
public static class BacktestCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "backtest";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args.Skip(1).ToArray(), error);
        if (options is null)
        {
            error.WriteLine("usage: backtest --as-of yyyy-mm-dd --data <folder> [--until yyyy-mm-dd] [--model risk-model.json] [--report report.md]");
            return 2;
        }
        var settings = options.TryGetValue("model", out var modelFile) ? RiskModelSettings.Load(modelFile) : RiskModelSettings.Default;
        var asOf = DateOnly.ParseExact(options["as-of"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        DateOnly? until = options.TryGetValue("until", out var u) ? DateOnly.ParseExact(u, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        var data = OpenDataSet.Load(options["data"]);
        foreach (var report in data.Reports.Where(r => r.Rejected > 0))
        {
            error.WriteLine(report.ToString());
        }
        var result = new BacktestRunner(new RiskModel(settings)).Run(data, asOf, until);
        output.Write(BacktestReportWriter.Table(result));
        if (options.TryGetValue("report", out var reportFile))
        {
            File.WriteAllText(reportFile, BacktestReportWriter.Markdown(result));
            output.WriteLine($"Report written to {reportFile}");
        }
        return 0;
    }

    private static Dictionary<string, string>? ParseOptions(string[] args, TextWriter error)
    {
        var options = CommandOptions.Parse(args, error);
        if (options is null || !options.TryGetValue("as-of", out var asOf) || !options.ContainsKey("data"))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error.WriteLine($"--as-of '{asOf}' is not a date (yyyy-mm-dd)");
            return null;
        }
        return options;
    }
}

using System.Globalization;
using System.Text;

namespace EducationHub.SchoolRisk.Application.Backtest;

/// <summary>Renders a backtest as the console comparison table and as a Markdown report.</summary>
public static class BacktestReportWriter
{
    public static string Table(BacktestResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"Backtest as of {result.AsOf:yyyy-MM-dd}; outcome = first full inspection up to {result.OutcomeUntil:yyyy-MM-dd} Inadequate or worse than before"));
        text.AppendLine(Inv($"Schools in register: {result.SchoolsInRegister}; with an outcome: {result.SchoolsWithOutcome}; adverse: {result.AdverseOutcomes} (base rate {result.BaseRate:P1})"));
        text.AppendLine();
        text.AppendLine(Inv($"{"Scoring",-52} {"AUC",6} {"P@5%",7} {"R@5%",7} {"P@10%",7} {"R@10%",7} {"lift@5%",8}"));
        foreach (var r in result.Rankings)
        {
            text.AppendLine(Inv($"{r.Name,-52} {r.Auc,6:0.000} {r.PrecisionTop5,7:P1} {r.RecallTop5,7:P1} {r.PrecisionTop10,7:P1} {r.RecallTop10,7:P1} {r.PrecisionTop5 / result.BaseRate,7:0.00}x"));
        }
        text.AppendLine();
        text.AppendLine(Inv($"{"Band",-10} {"Schools",8} {"Mean score",11} {"Adverse",8} {"Observed",9}"));
        foreach (var band in result.Calibration)
        {
            text.AppendLine(Inv($"{band.Band,-10} {band.Schools,8} {band.MeanScore,11:0.0} {band.Adverse,8} {band.ObservedRate,9:P1}"));
        }
        return text.ToString();
    }

    public static string Markdown(BacktestResult result)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"### As of {result.AsOf:yyyy-MM-dd}, outcomes to {result.OutcomeUntil:yyyy-MM-dd} (model {result.ModelVersion})"));
        md.AppendLine();
        md.AppendLine(Inv($"Schools in register {result.SchoolsInRegister}; with an outcome {result.SchoolsWithOutcome}; adverse {result.AdverseOutcomes}; base rate {result.BaseRate:P1}."));
        md.AppendLine();
        md.AppendLine("| scoring | AUC | precision top 5% | recall top 5% | precision top 10% | recall top 10% | lift top 5% |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in result.Rankings)
        {
            md.AppendLine(Inv($"| {r.Name} | {r.Auc:0.000} | {r.PrecisionTop5:P1} | {r.RecallTop5:P1} | {r.PrecisionTop10:P1} | {r.RecallTop10:P1} | {r.PrecisionTop5 / result.BaseRate:0.00}x |"));
        }
        md.AppendLine();
        md.AppendLine("| band | schools | mean score | adverse | observed rate |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var band in result.Calibration)
        {
            md.AppendLine(Inv($"| {band.Band} | {band.Schools} | {band.MeanScore:0.0} | {band.Adverse} | {band.ObservedRate:P1} |"));
        }
        return md.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

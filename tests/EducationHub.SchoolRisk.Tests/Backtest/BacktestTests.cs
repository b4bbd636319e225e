using EducationHub.SchoolRisk.Application.Backtest;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Tests.Support;

namespace EducationHub.SchoolRisk.Tests.Backtest;

public sealed class BacktestTests
{
    [Fact]
    public void Auc_and_top_k_precision_are_computed_fairly()
    {
        (double, bool)[] perfect = [(0.9, true), (0.8, true), (0.3, false), (0.1, false)];
        (double, bool)[] allTied = [(1, true), (1, false), (1, false), (1, false)];

        Assert.Equal(1.0, RankingMetrics.AreaUnderCurve(perfect, 2));
        Assert.Equal(0.5, RankingMetrics.AreaUnderCurve(allTied, 1));
        // Top 25% of four tied schools = one school, expected 1/4 adverse: no lucky tie-break.
        Assert.Equal(0.25, RankingMetrics.AtTop(allTied, 0.25, 1).Precision);
    }

    [Fact]
    public void Backtest_on_the_2017_inspections_beats_both_baselines()
    {
        var data = OpenDataSet.Load(SharedData.Root);
        var result = new BacktestRunner(new RiskModel(RiskModelSettings.Default)).Run(data, new DateOnly(2016, 12, 31));

        var model = result.Rankings[0];
        var previousGrade = result.Rankings[1];
        var random = result.Rankings[2];
        Assert.InRange(result.SchoolsWithOutcome, 3000, 3600);
        Assert.True(model.Auc >= 0.70, $"model AUC {model.Auc:0.000}");
        Assert.True(model.Auc > previousGrade.Auc && model.Auc > random.Auc);
        Assert.True(model.PrecisionTop5 > 2 * result.BaseRate, $"top-5% precision {model.PrecisionTop5:P1} vs base {result.BaseRate:P1}");
        Assert.Contains("Risk model 2026.1", BacktestReportWriter.Table(result), StringComparison.Ordinal);
    }
}

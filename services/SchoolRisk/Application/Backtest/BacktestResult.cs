namespace EducationHub.SchoolRisk.Application.Backtest;

public sealed record BacktestResult(
    DateOnly AsOf,
    DateOnly OutcomeUntil,
    string ModelVersion,
    int SchoolsInRegister,
    int SchoolsWithOutcome,
    int AdverseOutcomes,
    IReadOnlyList<RankingMetrics> Rankings,
    IReadOnlyList<BandCalibration> Calibration,
    int RandomSeed)
{
    public double BaseRate => SchoolsWithOutcome == 0 ? 0 : (double)AdverseOutcomes / SchoolsWithOutcome;
}

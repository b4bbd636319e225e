namespace EducationHub.SchoolRisk.Application.Backtest;

/// <summary>One school in the evaluation window: its scores as of D and whether its next full inspection went badly.</summary>
public sealed record BacktestCase(int Urn, bool Adverse, double ModelScore, double PreviousGradeScore, double RandomScore, string Band);

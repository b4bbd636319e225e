namespace EducationHub.Contracts.V1;

/// <summary>One explainable part of a risk score: a stable code, plain-English text and its signed contribution in points.</summary>
public sealed record RiskReason(string Code, string Description, double Contribution);

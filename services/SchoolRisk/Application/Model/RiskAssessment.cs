using EducationHub.Contracts.V1;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>A school's risk as of a date: score 0-100, band, the reasons with their points, and the model version that produced it.</summary>
public sealed record RiskAssessment(
    int Urn,
    DateOnly AsOf,
    int Score,
    RiskBand Band,
    string ModelVersion,
    double BaseScore,
    IReadOnlyList<RiskReason> Reasons)
{
    /// <summary>
    /// Whether publishing this in place of <paramref name="previous"/> tells anyone something new:
    /// the band moved, the score moved by at least the threshold, or the model version changed.
    /// </summary>
    public bool DiffersMateriallyFrom(StoredAssessment? previous, int scoreDelta) =>
        previous is null
        || previous.Band != Band
        || Math.Abs(previous.Score - Score) >= scoreDelta
        || previous.ModelVersion != ModelVersion;
}

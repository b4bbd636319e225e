using EducationHub.Contracts.V1;
using EducationHub.SchoolRisk.Domain;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// The explainable risk model: score = base + the points of every reason, clamped to 0-100 and
/// rounded; the band comes from the configured thresholds. Pure and deterministic: the same
/// evidence and settings always give the same assessment, reasons in the same order.
/// Organisation display names only word the partner reasons; they never change a score.
/// </summary>
public sealed class RiskModel(RiskModelSettings settings, OrganisationNames? organisations = null)
{
    private readonly IRiskFeature[] _features =
    [
        new InspectionFeature(),
        new Ks4Feature(),
        new Ks2Feature(),
        new FinanceFeature(),
        new PartnerSignalFeature(organisations ?? OrganisationNames.None),
    ];

    public RiskModelSettings Settings { get; } = settings;

    public string Version => Settings.Version;

    public RiskAssessment Assess(SchoolEvidence evidence)
    {
        var reasons = _features
            .SelectMany(f => f.Evaluate(evidence, Settings))
            .Where(r => r.Contribution != 0 || r.Code is "INSPECTED_INADEQUATE")
            .OrderByDescending(r => Math.Abs(r.Contribution))
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Description, StringComparer.Ordinal)
            .ToList();
        var raw = Settings.BaseScore + reasons.Sum(r => r.Contribution);
        var score = (int)Math.Round(Math.Clamp(raw, 0, 100), MidpointRounding.AwayFromZero);
        return new RiskAssessment(evidence.Urn, evidence.AsOf, score, BandFor(score), Version, Settings.BaseScore, reasons);
    }

    public RiskBand BandFor(int score) =>
        score >= Settings.Bands.VeryHigh ? RiskBand.VeryHigh
        : score >= Settings.Bands.High ? RiskBand.High
        : score >= Settings.Bands.Medium ? RiskBand.Medium
        : RiskBand.Low;
}

using EducationHub.Contracts.V1;
using EducationHub.SchoolRisk.Application.Signals;
using EducationHub.SchoolRisk.Domain;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// Recent partner intelligence (last 12 months by default): the concern level each partner gave,
/// plus extra weight for adverse outcomes (s175 audit not met, monitoring visit finding the school
/// not taking effective action; the list is <see cref="SignalOutcomes.Adverse"/>, which the API's validation
/// shares). Capped so soft intelligence cannot swamp the hard data.
/// The reporting organisation is printed by its configured display name.
/// </summary>
public sealed class PartnerSignalFeature(OrganisationNames organisations) : IRiskFeature
{
    public IEnumerable<RiskReason> Evaluate(SchoolEvidence evidence, RiskModelSettings settings)
    {
        var weights = settings.Signals;
        var since = evidence.AsOf.AddDays(-weights.LookbackDays);
        var remaining = weights.MaxTotalPoints;
        foreach (var signal in evidence.Signals.Where(s => s.ObservedOn > since))
        {
            var points = LevelPoints(signal.ConcernLevel, weights.ConcernPoints);
            var adverse = SignalOutcomes.IsAdverse(signal.Outcome);
            if (adverse)
            {
                points += weights.AdverseOutcomePoints;
            }
            points = Math.Min(points, remaining);
            if (points <= 0)
            {
                continue;
            }
            remaining -= points;
            var outcome = signal.Outcome is null ? "" : $", outcome \"{signal.Outcome}\"";
            yield return new RiskReason("PARTNER_" + signal.Kind.Code().ToUpperInvariant().Replace('-', '_'),
                $"{Capitalise(signal.Kind.Describe())} on {Formats.Day(signal.ObservedOn)} reported by {organisations.Display(signal.Organisation)}: {signal.ConcernLevel.ToString().ToLowerInvariant()} concern{outcome}",
                points);
        }
    }

    private static double LevelPoints(ConcernLevel level, ConcernPoints points) => level switch
    {
        ConcernLevel.High => points.High,
        ConcernLevel.Medium => points.Medium,
        ConcernLevel.Low => points.Low,
        _ => points.None,
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

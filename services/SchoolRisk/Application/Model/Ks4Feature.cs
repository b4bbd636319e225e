using EducationHub.Contracts.V1;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>Secondary outcomes: Progress 8 well below average, or a marked fall on the year before.</summary>
public sealed class Ks4Feature : IRiskFeature
{
    public IEnumerable<RiskReason> Evaluate(SchoolEvidence evidence, RiskModelSettings settings)
    {
        var weights = settings.Ks4;
        var recent = evidence.Ks4.Where(r => evidence.AsOf.Year - r.Year <= weights.MaxAgeYears).ToList();
        var latest = recent.FirstOrDefault(r => r.Progress8 is not null || r.Progress8Band is not null);
        if (latest is null)
        {
            yield break;
        }
        if (latest.Progress8 is { } p8)
        {
            if (p8 <= weights.WellBelowProgress8)
            {
                yield return new RiskReason("KS4_PROGRESS_WELL_BELOW", $"Progress 8 {Formats.Signed(p8)}, well below average, {latest.Year}", weights.WellBelowPoints);
            }
            var before = recent.FirstOrDefault(r => r.Year == latest.Year - 1 && r.Progress8 is not null);
            if (before?.Progress8 is { } previous && previous - p8 >= weights.DeclineProgress8)
            {
                yield return new RiskReason("KS4_PROGRESS_DECLINE",
                    $"Progress 8 fell from {Formats.Signed(previous)} ({before.Year}) to {Formats.Signed(p8)} ({latest.Year})", weights.DeclinePoints);
            }
        }
        else if (string.Equals(latest.Progress8Band, "Well below average", StringComparison.OrdinalIgnoreCase))
        {
            yield return new RiskReason("KS4_PROGRESS_WELL_BELOW", $"Progress 8 banded well below average, {latest.Year}", weights.WellBelowPoints);
        }
    }
}

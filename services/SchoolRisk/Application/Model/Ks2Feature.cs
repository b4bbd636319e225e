using EducationHub.Contracts.V1;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// Primary outcomes: average KS2 progress across reading, writing and maths. Tiny cohorts swing
/// wildly from year to year, so cohorts under the configured size are ignored.
/// </summary>
public sealed class Ks2Feature : IRiskFeature
{
    public IEnumerable<RiskReason> Evaluate(SchoolEvidence evidence, RiskModelSettings settings)
    {
        var weights = settings.Ks2;
        var usable = evidence.Ks2
            .Where(r => evidence.AsOf.Year - r.Year <= weights.MaxAgeYears && r.AverageProgress is not null && (r.Pupils ?? 0) >= weights.MinCohort)
            .ToList();
        var latest = usable.FirstOrDefault();
        if (latest?.AverageProgress is not { } progress)
        {
            yield break;
        }
        if (progress <= weights.WellBelowProgress)
        {
            yield return new RiskReason("KS2_PROGRESS_WELL_BELOW",
                $"KS2 progress {Formats.Signed(progress, "0.0")} on average across reading, writing and maths, {latest.Year} ({latest.Pupils} pupils)",
                weights.WellBelowPoints);
        }
        var before = usable.FirstOrDefault(r => r.Year == latest.Year - 1);
        if (before?.AverageProgress is { } previous && previous - progress >= weights.DeclineProgress)
        {
            yield return new RiskReason("KS2_PROGRESS_DECLINE",
                $"KS2 progress fell from {Formats.Signed(previous, "0.0")} ({before.Year}) to {Formats.Signed(progress, "0.0")} ({latest.Year})",
                weights.DeclinePoints);
        }
    }
}

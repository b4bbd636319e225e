using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Hub.Domain;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// What the partners did this month about the group's decisions: a warning notice issued, one
/// support package started (the other left undone, so the list shows both), monitoring visits.
/// </summary>
internal sealed class DemoFollowUps(IReadOnlyList<DemoSchool> schools, DateTimeOffset from, DateTimeOffset to, int seed = 2015)
{
    private readonly Random _rng = new(seed);

    public IEnumerable<DemoStep> For(IReadOnlyList<(int Urn, DecisionKind Kind)> decided)
    {
        var byUrn = schools.ToDictionary(s => s.Urn);
        var supportStarted = false;
        foreach (var (urn, kind) in decided)
        {
            var at = from + TimeSpan.FromTicks((long)((to - from).Ticks * (0.2 + 0.7 * _rng.NextDouble())));
            var academy = byUrn.TryGetValue(urn, out var s) && (s.Type.StartsWith("Academy", StringComparison.Ordinal) || s.Type == "Free schools");
            switch (kind)
            {
                case DecisionKind.WarningNotice:
                    yield return new DemoStep(at, "warning notice (EIG decision)",
                        DemoGovernanceSteps.IssueNotice(new DemoRef(), urn, academy, [NoticeGround.LowStandards, NoticeGround.ManagementOrGovernanceBreakdown]));
                    break;
                case DecisionKind.SupportPackage when !supportStarted && !academy:
                    supportStarted = true;
                    yield return new DemoStep(at, "additional governors (EIG decision)",
                        DemoGovernanceSteps.StartIntervention(new DemoRef(), urn, InterventionKind.AdditionalGovernors, null));
                    break;
                case DecisionKind.Monitor:
                    yield return new DemoStep(at, "monitoring visit (EIG decision)", DemoSchoolRiskSteps.Signal(urn, SignalKind.SchoolImprovementVisit, ConcernLevel.Medium,
                        DateOnly.FromDateTime(at.UtcDateTime), "school-improvement-partner", "Follow-up visit agreed by the EIG: safeguarding actions partly complete"));
                    break;
            }
        }
    }
}

using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Domain.RiskList;

/// <summary>
/// Builds a month's EIG list: every school at or above the threshold, ranked, with movement
/// against last month's list (the published one when there is one), the schools that left and
/// why, current support, owner and last month's agreed actions.
/// </summary>
public sealed class RiskListBuilder(PriorityCalculator calculator)
{
    private static readonly TimelineKind[] Resolving =
    [
        TimelineKind.WarningNoticeComplied, TimelineKind.InterventionEnded,
        TimelineKind.ComplaintConcluded, TimelineKind.WhistleblowingConcernConcluded,
    ];

    public PriorityModel Model => calculator.Model;

    public MonthlyRiskList Build(RiskListInputs inputs)
    {
        var model = calculator.Model;
        var asOf = inputs.EvaluatedAsOf;
        var items = new List<(SchoolPriority P, SchoolInfo S)>();
        var priorities = new Dictionary<int, int>();
        var removed = new HashSet<int>();

        foreach (var (urn, timeline) in inputs.Timelines)
        {
            var p = calculator.Calculate(urn, timeline, asOf);
            priorities[urn] = p.Priority;
            if (p.Priority < model.Threshold) continue;
            var school = inputs.Schools.GetValueOrDefault(urn) ?? SchoolInfo.Unknown(urn);
            if (school.IsClosed) continue;
            if (inputs.PreviousDecisions.TryGetValue(urn, out var last) && last.Kind == DecisionKind.Remove)
            {
                // The group took the school off; it comes back only if it got materially worse since.
                var before = inputs.Previous?.Entries.TryGetValue(urn, out var prev) == true ? prev.Priority : p.Priority;
                if (p.Priority < before + model.MovementTolerance) { removed.Add(urn); continue; }
            }
            items.Add((p, school));
        }

        items.Sort(static (a, b) =>
        {
            var c = b.P.Priority.CompareTo(a.P.Priority);
            if (c != 0) return c;
            c = b.P.HardScore.CompareTo(a.P.HardScore);
            return c != 0 ? c : a.P.Urn.CompareTo(b.P.Urn);
        });

        var entries = new List<RiskListItem>(items.Count);
        foreach (var (p, s) in items)
        {
            var timeline = inputs.Timelines[p.Urn];
            var (movement, prevPriority, prevRank) = MovementOf(p, inputs.Previous, model.MovementTolerance);
            var lastDecision = inputs.PreviousDecisions.GetValueOrDefault(p.Urn);
            var decision = inputs.Decisions.GetValueOrDefault(p.Urn);
            var actions = lastDecision is null ? [] : new[] { AgreedActionAssessor.Assess(lastDecision, timeline, asOf) };
            var support = p.CurrentSupport.ToList();
            if (lastDecision is { Kind: DecisionKind.SupportPackage })
                support.Add($"EIG support package agreed {new RiskMonth(lastDecision.Month.Year, lastDecision.Month.Month).DisplayName} ({lastDecision.OwnerOrganisation})");
            var owner = decision?.OwnerOrganisation ?? lastDecision?.OwnerOrganisation ?? p.InterventionOrganisation ?? "Unassigned";
            entries.Add(new RiskListItem(entries.Count + 1, p.Urn, s.Name, s.LaCode, s.LaName, s.Phase, s.EstablishmentType, s.TrustName,
                p.Priority, p.Band, p.HardScore, p.HardBand, p.SoftPoints, movement, prevPriority, prevRank,
                p.Reasons, support, owner, actions, decision));
        }

        var left = LeftItems(inputs, entries, priorities, removed);
        var versions = items.Select(i => i.P.HardModelVersion).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new MonthlyRiskList(inputs.Month.ToString(), false, null, model.Version, versions, inputs.InputsCutOff, asOf,
            model.Threshold, inputs.Month.Previous.ToString(), inputs.Previous?.Published ?? false, entries, left);
    }

    private static (Movement, int, int) MovementOf(SchoolPriority p, PreviousList? previous, int tolerance)
    {
        if (previous is null || !previous.Entries.TryGetValue(p.Urn, out var prev)) return (Movement.New, 0, 0);
        var delta = p.Priority - prev.Priority;
        var movement = delta >= tolerance ? Movement.Up : delta <= -tolerance ? Movement.Down : Movement.Unchanged;
        return (movement, prev.Priority, prev.Rank);
    }

    private List<LeftItem> LeftItems(RiskListInputs inputs, List<RiskListItem> entries, Dictionary<int, int> priorities, HashSet<int> removed)
    {
        var left = new List<LeftItem>();
        if (inputs.Previous is null) return left;
        var listed = entries.Select(e => e.Urn).ToHashSet();
        var model = calculator.Model;
        foreach (var (urn, prev) in inputs.Previous.Entries.OrderBy(kv => kv.Value.Rank))
        {
            if (listed.Contains(urn)) continue;
            var school = inputs.Schools.GetValueOrDefault(urn) ?? SchoolInfo.Unknown(urn);
            var now = priorities.GetValueOrDefault(urn);
            string reason;
            if (TimelineIndex.SuccessorOf(urn, inputs.Schools) is { } successor)
                reason = $"Now part of URN {successor}, which carries its history.";
            else if (school.IsClosed)
                reason = $"School closed ({school.Status}).";
            else if (removed.Contains(urn))
                reason = $"Removed by the group's decision in {inputs.Month.Previous.DisplayName}.";
            else
            {
                reason = $"Priority fell to {now}, below the threshold of {model.Threshold}";
                var since = inputs.Month.Previous.End;
                var resolved = inputs.Timelines.GetValueOrDefault(urn)?
                    .Where(e => e.OccurredAt >= since.AddDays(-31) && e.OccurredAt <= inputs.EvaluatedAsOf && Resolving.Contains(e.Kind))
                    .Select(e => $"{Wording.Sentence(Wording.Humanise(e.Kind.ToString()))} {Wording.Date(e.OccurredAt)}").Distinct().Take(3).ToList() ?? [];
                reason += resolved.Count > 0 ? $", after: {string.Join("; ", resolved)}." : ", as older signals lost weight over time.";
            }
            left.Add(new LeftItem(urn, school.Name, prev.Priority, prev.Rank, now, reason));
        }
        return left;
    }
}

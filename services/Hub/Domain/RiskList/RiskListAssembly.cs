using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Domain.RiskList;

/// <summary>
/// One month's list, built one school at a time: <see cref="Add"/> each school's timeline (in any
/// order, each school once), then <see cref="Finish"/> (the list) or <see cref="Rank"/> (only
/// ranks and priorities). Whatever is needed later from a timeline (last month's agreed action,
/// the evidence for a school leaving the list) is taken out while the timeline is at hand, so the
/// caller does not have to keep timelines; only schools the group removed last month keep theirs
/// until last month's list is known.
/// </summary>
public sealed class RiskListAssembly
{
    private static readonly TimelineKind[] Resolving =
    [
        TimelineKind.WarningNoticeComplied, TimelineKind.InterventionEnded,
        TimelineKind.ComplaintConcluded, TimelineKind.WhistleblowingConcernConcluded,
    ];

    private readonly PriorityCalculator _calculator;
    private readonly PriorityModel _model;
    private readonly RiskListFrame _frame;
    private readonly PriorityDetail _detail;
    private readonly CalculationScratch _scratch;
    private readonly List<(SchoolPriority P, SchoolInfo S)> _listed = [];
    private readonly Dictionary<int, int> _priorities = [];
    private readonly Dictionary<int, AgreedAction> _actions = [];
    private readonly Dictionary<int, List<string>> _resolvedEvidence = [];
    private readonly List<(SchoolPriority P, SchoolInfo S, IReadOnlyList<TimelineEntry> Timeline)> _removedLastMonth = [];

    internal RiskListAssembly(PriorityCalculator calculator, RiskListFrame frame, PriorityDetail detail)
    {
        _calculator = calculator;
        _model = calculator.Model;
        _frame = frame;
        _detail = detail;
        _scratch = new CalculationScratch(_model);
    }

    private bool Explains => _detail >= PriorityDetail.Reasons;

    public void Add(int urn, IReadOnlyList<TimelineEntry> timeline)
    {
        var p = _calculator.Calculate(urn, timeline, _frame.EvaluatedAsOf, _detail, _scratch);
        _priorities[urn] = p.Priority;
        var school = _frame.Schools.GetValueOrDefault(urn) ?? SchoolInfo.Unknown(urn);
        if (p.Priority < _model.Threshold || school.IsClosed)
        {
            KeepResolvedEvidence(urn, timeline);
            return;
        }
        var last = _frame.PreviousDecisions.GetValueOrDefault(urn);
        if (last is { Kind: DecisionKind.Remove })
        {
            // Whether it comes back depends on last month's priority, known only at the end.
            _removedLastMonth.Add((p, school, timeline));
            KeepResolvedEvidence(urn, timeline);
            return;
        }
        List(p, school, last, timeline);
    }

    /// <summary>The month's list, with movement against <paramref name="previous"/> (null: every school is new).</summary>
    public MonthlyRiskList Finish(PreviousList? previous)
    {
        if (!Explains) throw new InvalidOperationException("A ranking-only assembly has no reasons to list; use Rank.");
        var removed = Settle(previous);
        var asOf = _frame.EvaluatedAsOf;
        var entries = new List<RiskListItem>(_listed.Count);
        foreach (var (p, s) in _listed)
        {
            var (movement, prevPriority, prevRank) = MovementOf(p, previous, _model.MovementTolerance);
            var lastDecision = _frame.PreviousDecisions.GetValueOrDefault(p.Urn);
            var decision = _frame.Decisions.GetValueOrDefault(p.Urn);
            var actions = _actions.TryGetValue(p.Urn, out var action) ? new[] { action } : [];
            IReadOnlyList<string> support = lastDecision is { Kind: DecisionKind.SupportPackage }
                ? [.. p.CurrentSupport, $"EIG support package agreed {new RiskMonth(lastDecision.Month.Year, lastDecision.Month.Month).DisplayName} ({lastDecision.OwnerOrganisation})"]
                : p.CurrentSupport;
            var owner = decision?.OwnerOrganisation ?? lastDecision?.OwnerOrganisation ?? p.InterventionOrganisation ?? "Unassigned";
            entries.Add(new RiskListItem(entries.Count + 1, p.Urn, s.Name, s.LaCode, s.LaName, s.Phase, s.EstablishmentType, s.TrustName,
                p.Priority, p.Band, p.HardScore, p.HardBand, p.SoftPoints, movement, prevPriority, prevRank,
                p.Reasons, support, owner, actions, decision));
        }

        var left = LeftItems(previous, entries, removed);
        var versions = _listed.Select(i => i.P.HardModelVersion).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new MonthlyRiskList(_frame.Month.ToString(), false, null, _model.Version, versions, _frame.InputsCutOff, asOf,
            _model.Threshold, _frame.Month.Previous.ToString(), previous?.Published ?? false, entries, left);
    }

    /// <summary>Rank and priority of every listed school: the same order <see cref="Finish"/> gives, without the wording.</summary>
    public PreviousList Rank(PreviousList? previous)
    {
        Settle(previous);
        var ranks = new Dictionary<int, (int Rank, int Priority)>(_listed.Count);
        for (var i = 0; i < _listed.Count; i++) ranks[_listed[i].P.Urn] = (i + 1, _listed[i].P.Priority);
        return new PreviousList(_frame.Month.ToString(), false, ranks);
    }

    private void List(SchoolPriority p, SchoolInfo school, EigDecision? lastDecision, IReadOnlyList<TimelineEntry> timeline)
    {
        _listed.Add((p, school));
        if (lastDecision is not null && Explains) _actions[p.Urn] = AgreedActionAssessor.Assess(lastDecision, timeline, _frame.EvaluatedAsOf);
    }

    /// <summary>Decides the schools the group removed last month, then puts the list in rank order.</summary>
    private HashSet<int> Settle(PreviousList? previous)
    {
        var removed = new HashSet<int>();
        foreach (var (p, school, timeline) in _removedLastMonth)
        {
            // The group took the school off; it comes back only if it got materially worse since.
            var before = previous?.Entries.TryGetValue(p.Urn, out var prev) == true ? prev.Priority : p.Priority;
            if (p.Priority < before + _model.MovementTolerance) removed.Add(p.Urn);
            else List(p, school, _frame.PreviousDecisions[p.Urn], timeline);
        }
        _removedLastMonth.Clear();
        _listed.Sort(static (a, b) =>
        {
            var c = b.P.Priority.CompareTo(a.P.Priority);
            if (c != 0) return c;
            c = b.P.HardScore.CompareTo(a.P.HardScore);
            return c != 0 ? c : a.P.Urn.CompareTo(b.P.Urn);
        });
        return removed;
    }

    private static (Movement, int, int) MovementOf(SchoolPriority p, PreviousList? previous, int tolerance)
    {
        if (previous is null || !previous.Entries.TryGetValue(p.Urn, out var prev)) return (Movement.New, 0, 0);
        var delta = p.Priority - prev.Priority;
        var movement = delta >= tolerance ? Movement.Up : delta <= -tolerance ? Movement.Down : Movement.Unchanged;
        return (movement, prev.Priority, prev.Rank);
    }

    /// <summary>Resolving events since shortly before last month ended: why a school that left the list improved.</summary>
    private void KeepResolvedEvidence(int urn, IReadOnlyList<TimelineEntry> timeline)
    {
        if (!Explains) return;
        var since = _frame.Month.Previous.End.AddDays(-31);
        var resolved = timeline
            .Where(e => e.OccurredAt >= since && e.OccurredAt <= _frame.EvaluatedAsOf && Resolving.Contains(e.Kind))
            .Select(e => $"{Wording.Sentence(Wording.Humanise(e.Kind.ToString()))} {Wording.Date(e.OccurredAt)}").Distinct().Take(3).ToList();
        if (resolved.Count > 0) _resolvedEvidence[urn] = resolved;
    }

    private List<LeftItem> LeftItems(PreviousList? previous, List<RiskListItem> entries, HashSet<int> removed)
    {
        var left = new List<LeftItem>();
        if (previous is null) return left;
        var listed = entries.Select(e => e.Urn).ToHashSet();
        foreach (var (urn, prev) in previous.Entries.OrderBy(kv => kv.Value.Rank))
        {
            if (listed.Contains(urn)) continue;
            var school = _frame.Schools.GetValueOrDefault(urn) ?? SchoolInfo.Unknown(urn);
            var now = _priorities.GetValueOrDefault(urn);
            string reason;
            if (TimelineIndex.SuccessorOf(urn, _frame.Schools) is { } successor)
                reason = $"Now part of URN {successor}, which carries its history.";
            else if (school.IsClosed)
                reason = $"School closed ({school.Status}).";
            else if (removed.Contains(urn))
                reason = $"Removed by the group's decision in {_frame.Month.Previous.DisplayName}.";
            else
            {
                reason = $"Priority fell to {now}, below the threshold of {_model.Threshold}";
                var resolved = _resolvedEvidence.GetValueOrDefault(urn) ?? [];
                reason += resolved.Count > 0 ? $", after: {string.Join("; ", resolved)}." : ", as older signals lost weight over time.";
            }
            left.Add(new LeftItem(urn, school.Name, prev.Priority, prev.Rank, now, reason));
        }
        return left;
    }
}

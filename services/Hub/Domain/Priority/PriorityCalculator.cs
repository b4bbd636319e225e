using System.Globalization;

namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// Computes a school's composite priority at an instant from its timeline: the latest hard
/// SchoolRisk score (weighted) plus soft intelligence, each signal decaying with its own
/// half-life. Deterministic: the same timeline, instant and model give the same answer.
/// Only entries that occurred at or before the instant count.
/// </summary>
public sealed class PriorityCalculator(PriorityModel model)
{
    public PriorityModel Model => model;

    public SchoolPriority Calculate(int urn, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset asOf,
        PriorityDetail detail = PriorityDetail.ReasonsAndEventPoints)
    {
        var acc = new Accumulator(model, asOf, detail);
        TimelineEntry? hard = null;
        var notices = new Dictionary<Guid, NoticeState>();
        var interventions = new Dictionary<Guid, InterventionState>();
        var complaints = new ComplaintTally();
        var cases = new Dictionary<Guid, CaseState>();
        var signals = new Dictionary<Guid, TimelineEntry>();
        var superseded = new HashSet<Guid>();
        var concerns = new List<TimelineEntry>();

        foreach (var e in timeline)
        {
            if (e.OccurredAt > asOf) continue;
            switch (e.Kind)
            {
                case TimelineKind.SchoolRiskAssessed:
                    if (hard is null || e.OccurredAt >= hard.OccurredAt) hard = e;
                    break;
                case TimelineKind.WarningNoticeIssued:
                    Notice(notices, e).Issued = e; break;
                case TimelineKind.WarningNoticeComplied:
                    Notice(notices, e).Complied = e; break;
                case TimelineKind.WarningNoticeDeadlinePassed:
                    Notice(notices, e).DeadlinePassed = e; break;
                case TimelineKind.InterventionStarted:
                    Intervention(interventions, e).Started = e; break;
                case TimelineKind.InterventionEnded:
                    Intervention(interventions, e).Ended = e; break;
                case TimelineKind.GovernanceConcernRaised:
                    concerns.Add(e); break;
                case TimelineKind.ComplaintReceived:
                case TimelineKind.ComplaintEscalated:
                case TimelineKind.ComplaintConcluded:
                case TimelineKind.ComplaintTimescaleBreached:
                case TimelineKind.ComplaintCampaignDetected:
                    complaints.Add(e); break;
                case TimelineKind.WhistleblowingConcernTriaged:
                    Case(cases, e).Triaged = e; break;
                case TimelineKind.WhistleblowingConcernConcluded:
                    Case(cases, e).Concluded = e; break;
                case TimelineKind.PartnerSignalSubmitted:
                    if (e.SourceId is { } sid) signals[sid] = e;
                    if (e.RelatedId is { } old) superseded.Add(old);
                    break;
                default:
                    break; // registrations and whistleblowing clock reminders do not change a school's risk
            }
        }

        var (hardScore, hardBand, hardVersion) = AddHard(acc, hard);
        AddNotices(acc, notices.Values);
        var interventionOrg = AddInterventions(acc, interventions.Values);
        AddConcerns(acc, concerns);
        complaints.AddTo(acc);
        AddWhistleblowing(acc, cases.Values);
        AddPartnerSignals(acc, superseded.Count == 0 ? signals.Values : signals.Values.Where(s => !superseded.Contains(s.SourceId!.Value)));

        var soft = Math.Min(model.SoftCap, acc.SoftTotal);
        var priority = (int)Math.Clamp(Math.Round(hardScore * model.HardWeight + soft, MidpointRounding.AwayFromZero), 0, 100);
        var reasons = acc.Reasons.Count == 0 ? [] : InReasonOrder(acc.Reasons);
        if (acc.SoftTotal > model.SoftCap && acc.Explains)
            reasons.Add(new PriorityReason("soft.capped",
                string.Create(CultureInfo.InvariantCulture, $"Soft intelligence totals {acc.SoftTotal:0.#} points; capped at {model.SoftCap:0.#}."),
                model.SoftCap - acc.SoftTotal, []));
        return new SchoolPriority(urn, priority, model.BandFor(priority), hardScore, hardBand, hardVersion,
            Math.Round(soft, 1), reasons, acc.Support, interventionOrg, acc.PointsByEvent);
    }

    /// <summary>
    /// Most points first, then by code and text; reasons equal on all three keep the order they were
    /// added in, as a stable sort would. One array per school instead of LINQ's three key arrays.
    /// </summary>
    private static List<PriorityReason> InReasonOrder(List<PriorityReason> added)
    {
        var indexed = new (PriorityReason Reason, int Index)[added.Count];
        for (var i = 0; i < indexed.Length; i++) indexed[i] = (added[i], i);
        Array.Sort(indexed, static (a, b) =>
        {
            var c = b.Reason.Points.CompareTo(a.Reason.Points);
            if (c == 0) c = string.CompareOrdinal(a.Reason.Code, b.Reason.Code);
            if (c == 0) c = string.CompareOrdinal(a.Reason.Text, b.Reason.Text);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        var ordered = new List<PriorityReason>(indexed.Length + 1); // room for the soft cap's reason
        foreach (var (reason, _) in indexed) ordered.Add(reason);
        return ordered;
    }

    private (int Score, string Band, string? Version) AddHard(Accumulator acc, TimelineEntry? hard)
    {
        if (hard is null) return (0, "", null);
        var score = hard.Score ?? 0;
        var points = score * model.HardWeight;
        if (!acc.Explains)
        {
            acc.AddHard(null!, hard.EventId, points);
            return (score, hard.Level ?? "", hard.ModelVersion);
        }
        var top = (hard.Reasons ?? []).Where(r => r.Contribution > 0).OrderByDescending(r => r.Contribution).Take(3)
            .Select(r => r.Description).ToList();
        var asOf = hard.Date is { } d ? Wording.Date(d) : Wording.Date(hard.OccurredAt);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"SchoolRisk score {score} ({hard.Level}) as of {asOf}, model {hard.ModelVersion}")
            + (top.Count > 0 ? ": " + string.Join("; ", top) : "") + ".";
        acc.AddHard(new PriorityReason("risk.assessment", text, Math.Round(points, 1),
            [Wording.EventRef(hard.EventId)]), hard.EventId, points);
        return (score, hard.Level ?? "", hard.ModelVersion);
    }

    private void AddNotices(Accumulator acc, IEnumerable<NoticeState> notices)
    {
        var rules = model.Signals;
        foreach (var n in TimeOrder.By(notices, static n => n.First.OccurredAt))
        {
            var any = n.Issued ?? n.DeadlinePassed ?? n.Complied!;
            var type = acc.Explains ? Wording.Humanise(any.Category) : "";
            var refs = acc.Explains ? n.Refs() : [];
            if (n.Complied is { } complied)
            {
                var age = acc.AgeDays(complied.Date, complied.OccurredAt);
                var points = rules.WarningNoticeComplied.Points * rules.WarningNoticeComplied.Decay(age);
                acc.Add(new PriorityReason("governance.notice.complied",
                    acc.Explains ? $"Warning notice ({type}) complied with on {Wording.Date(complied.Date ?? DateOnly.FromDateTime(complied.OccurredAt.UtcDateTime))}." : "",
                    points, refs), complied.EventId, points);
            }
            else
            {
                var open = rules.WarningNoticeOpen.Points;
                var issued = n.Issued;
                var text = !acc.Explains ? ""
                    : issued is null
                    ? $"Warning notice ({type}) open."
                    : $"Warning notice ({type}) issued {Wording.Date(issued.Date ?? DateOnly.FromDateTime(issued.OccurredAt.UtcDateTime))} by {issued.Organisation}"
                      + (string.IsNullOrEmpty(issued.Detail) ? "" : $" on grounds of {Wording.Humanise(issued.Detail).Replace(" , ", ", ", StringComparison.Ordinal)}")
                      + "; not yet complied with.";
                acc.Add(new PriorityReason("governance.notice.open", text, open, refs), (issued ?? any).EventId, open);
                if (acc.Explains) acc.Support.Add($"Warning notice ({type}) open" + (issued is null ? "" : $" since {Wording.Date(issued.OccurredAt)}"));
            }
            if (n.DeadlinePassed is { } passed && (n.Complied is null || n.Complied.OccurredAt > passed.OccurredAt))
            {
                var age = acc.AgeDays(passed.Date, passed.OccurredAt);
                var points = rules.WarningNoticeDeadlinePassed.Points * rules.WarningNoticeDeadlinePassed.Decay(age);
                var text = acc.Explains
                    ? $"Warning notice ({type}) compliance deadline {(passed.Date is { } dl ? Wording.Date(dl) : Wording.Date(passed.OccurredAt))} passed without compliance."
                    : "";
                acc.Add(new PriorityReason("governance.notice.deadline-passed", text, points, refs),
                    passed.EventId, points);
            }
        }
    }

    private string? AddInterventions(Accumulator acc, IEnumerable<InterventionState> interventions)
    {
        var rules = model.Signals;
        string? organisation = null;
        foreach (var i in TimeOrder.By(interventions, static i => (i.Started ?? i.Ended!).OccurredAt))
        {
            var any = i.Started ?? i.Ended!;
            var kind = acc.Explains ? Wording.Humanise(any.Category) : "";
            var refs = acc.Explains ? new List<string> { Wording.Ref("intervention", any.SourceId ?? Guid.Empty) } : [];
            if (i.Started is not null && acc.Explains) refs.Add(Wording.EventRef(i.Started.EventId));
            if (i.Ended is { } ended)
            {
                if (acc.Explains) refs.Add(Wording.EventRef(ended.EventId));
                var age = acc.AgeDays(ended.Date, ended.OccurredAt);
                var points = rules.InterventionEnded.Points * rules.InterventionEnded.Decay(age);
                var text = acc.Explains
                    ? $"Intervention ({kind}) ended {(ended.Date is { } d ? Wording.Date(d) : Wording.Date(ended.OccurredAt))}"
                      + (string.IsNullOrEmpty(ended.Detail) ? "." : $", outcome: {Wording.Humanise(ended.Detail)}.")
                    : "";
                acc.Add(new PriorityReason("governance.intervention.ended", text, points, refs), ended.EventId, points);
            }
            else
            {
                var started = i.Started!;
                var points = rules.InterventionActive.Points;
                var since = acc.Explains ? (started.Date is { } d ? Wording.Date(d) : Wording.Date(started.OccurredAt)) : "";
                acc.Add(new PriorityReason("governance.intervention.active",
                    acc.Explains ? $"Intervention ({kind}) in place since {since}, led by {started.Organisation}." : "", points, refs), started.EventId, points);
                if (acc.Explains) acc.Support.Add($"Intervention: {kind} since {since} ({started.Organisation})");
                organisation = started.Organisation;
            }
        }
        return organisation;
    }

    private void AddConcerns(Accumulator acc, List<TimelineEntry> concerns)
    {
        if (concerns.Count == 0) return;
        var rule = model.Signals.GovernanceConcern;
        double total = 0;
        var refs = new List<string>();
        var levels = new List<string>();
        var counted = 0;
        foreach (var c in TimeOrder.By(concerns, static c => c.OccurredAt))
        {
            var points = rule.For(c.Level) * rule.Decay(acc.AgeDays(null, c.OccurredAt));
            if (points < model.IgnoreBelow) continue;
            total += acc.Credit(c.EventId, points);
            counted++;
            if (!acc.Explains) continue;
            refs.Add(Wording.Ref("governance-concern", c.SourceId ?? Guid.Empty));
            refs.Add(Wording.EventRef(c.EventId));
            levels.Add($"{Wording.Humanise(c.Level)} ({c.Organisation}, {Wording.Date(c.OccurredAt)})");
        }
        if (counted == 0) return;
        acc.AddCapped(new PriorityReason("governance.concern", !acc.Explains ? "" :
            $"{Wording.Plural(levels.Count, "governance concern", "governance concerns")} raised: {string.Join(", ", levels)}.",
            total, refs), rule.Cap);
    }

    private void AddWhistleblowing(Accumulator acc, IEnumerable<CaseState> cases)
    {
        var rule = model.Signals.Whistleblowing;
        double total = 0;
        var refs = new List<string>();
        var parts = new List<string>();
        var substantiated = 0;
        var counted = 0;
        foreach (var c in TimeOrder.By(cases.Where(static c => c.Triaged is not null || c.Concluded is not null), static c => (c.Triaged ?? c.Concluded!).OccurredAt))
        {
            var basis = c.Triaged ?? c.Concluded!;
            var severity = c.Concluded?.Level ?? basis.Level;
            var points = rule.For(severity) * rule.Decay(acc.AgeDays(null, basis.OccurredAt));
            if (c.Concluded?.Detail is { } outcome)
            {
                var key = outcome.Trim().ToLowerInvariant();
                if (model.Signals.WhistleblowingSubstantiation.TryGetValue(key, out var factor)) points *= factor;
                if (key == "substantiated") substantiated++;
            }
            if (points < model.IgnoreBelow) continue;
            total += acc.Credit(basis.EventId, points);
            counted++;
            if (!acc.Explains) continue;
            refs.Add(Wording.Ref("whistleblowing-case", basis.SourceId ?? Guid.Empty));
            refs.Add(Wording.EventRef(basis.EventId));
            if (c.Concluded is not null) refs.Add(Wording.EventRef(c.Concluded.EventId));
            parts.Add($"{Wording.Humanise(basis.Category)}, {Wording.Humanise(severity)} severity, {Wording.Date(basis.OccurredAt)}"
                      + (c.Concluded?.Detail is { } o ? $", {Wording.Humanise(o)}" : ""));
        }
        if (counted == 0) return;
        var text = !acc.Explains ? "" : $"{Wording.Plural(parts.Count, "whistleblowing concern", "whistleblowing concerns")} triaged ({string.Join("; ", parts)})"
                   + (substantiated > 0 ? $"; {substantiated} substantiated." : ".");
        acc.AddCapped(new PriorityReason("whistleblowing.concern", text, total, refs), rule.Cap);
    }

    private void AddPartnerSignals(Accumulator acc, IEnumerable<TimelineEntry> signals)
    {
        var rule = model.Signals.PartnerSignal;
        var reasons = new List<PriorityReason>();
        // One composite key orders exactly as OrderBy(date).ThenBy(event id) does: both are stable and use the default comparers.
        foreach (var s in TimeOrder.By(signals, static s => (s.Date ?? DateOnly.FromDateTime(s.OccurredAt.UtcDateTime), s.EventId)))
        {
            var points = rule.For(s.Level) * rule.Decay(acc.AgeDays(s.Date, s.OccurredAt));
            if (points < model.IgnoreBelow) continue;
            acc.Credit(s.EventId, points);
            if (!acc.Explains)
            {
                reasons.Add(new PriorityReason("partner.signal", "", points, []));
                continue;
            }
            var observed = s.Date is { } d ? Wording.Date(d) : Wording.Date(s.OccurredAt);
            reasons.Add(new PriorityReason("partner.signal",
                $"{s.Organisation}: {Wording.Humanise(s.Category)}, {Wording.Humanise(s.Level)} concern, observed {observed}.",
                points, [Wording.Ref("signal", s.SourceId ?? Guid.Empty), Wording.EventRef(s.EventId)]));
        }
        acc.AddCappedGroup(reasons, rule.Cap);
    }

    private static NoticeState Notice(Dictionary<Guid, NoticeState> d, TimelineEntry e) => Get(d, e.SourceId ?? e.EventId, e);
    private static InterventionState Intervention(Dictionary<Guid, InterventionState> d, TimelineEntry e) => Get(d, e.SourceId ?? e.EventId, e);
    private static CaseState Case(Dictionary<Guid, CaseState> d, TimelineEntry e) => Get(d, e.SourceId ?? e.EventId, e);

    private static T Get<T>(Dictionary<Guid, T> d, Guid key, TimelineEntry first) where T : StateBase, new()
    {
        if (!d.TryGetValue(key, out var s)) d[key] = s = new T { First = first };
        return s;
    }

    private abstract class StateBase
    {
        public TimelineEntry First { get; init; } = null!;
    }

    private sealed class NoticeState : StateBase
    {
        public TimelineEntry? Issued { get; set; }
        public TimelineEntry? Complied { get; set; }
        public TimelineEntry? DeadlinePassed { get; set; }

        public List<string> Refs()
        {
            var refs = new List<string>(4) { Wording.Ref("notice", First.SourceId ?? Guid.Empty) };
            if (Issued is not null) refs.Add(Wording.EventRef(Issued.EventId));
            if (DeadlinePassed is not null) refs.Add(Wording.EventRef(DeadlinePassed.EventId));
            if (Complied is not null) refs.Add(Wording.EventRef(Complied.EventId));
            return refs;
        }
    }

    private sealed class InterventionState : StateBase
    {
        public TimelineEntry? Started { get; set; }
        public TimelineEntry? Ended { get; set; }
    }

    private sealed class CaseState : StateBase
    {
        public TimelineEntry? Triaged { get; set; }
        public TimelineEntry? Concluded { get; set; }
    }
}

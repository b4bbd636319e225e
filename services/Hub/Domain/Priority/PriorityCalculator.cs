using System.Globalization;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// Computes a school's composite priority at an instant from its timeline: the latest hard
/// SchoolRisk score (weighted) plus soft intelligence, each signal decaying with its own
/// half-life. Deterministic: the same timeline, instant and model give the same answer.
/// Only entries that occurred at or before the instant count. Organisations are worded by
/// <paramref name="organisations"/> (none: as their claims say).
/// </summary>
public sealed class PriorityCalculator(PriorityModel model, OrganisationNames? organisations = null)
{
    private readonly OrganisationNames _names = organisations ?? OrganisationNames.None;

    public PriorityModel Model => model;

    public SchoolPriority Calculate(int urn, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset asOf,
        PriorityDetail detail = PriorityDetail.ReasonsAndEventPoints) =>
        Calculate(urn, timeline, asOf, detail, new CalculationScratch(model));

    /// <summary>The same calculation with working collections reused from the previous school (one scratch per thread).</summary>
    internal SchoolPriority Calculate(int urn, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset asOf, PriorityDetail detail,
        CalculationScratch scratch)
    {
        var acc = scratch.Begin(asOf, detail);
        TimelineEntry? hard = null;
        var notices = scratch.Notices;
        var interventions = scratch.Interventions;
        var cases = scratch.Cases;
        var signals = scratch.Signals;
        var superseded = scratch.Superseded;

        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.OccurredAt > asOf) continue;
            switch (e.Kind)
            {
                case TimelineKind.SchoolRiskAssessed:
                    if (hard is null || e.OccurredAt >= hard.OccurredAt) hard = e;
                    break;
                case TimelineKind.WarningNoticeIssued:
                    Get(notices, e).Issued = e; break;
                case TimelineKind.WarningNoticeComplied:
                    Get(notices, e).Complied = e; break;
                case TimelineKind.WarningNoticeDeadlinePassed:
                    Get(notices, e).DeadlinePassed = e; break;
                case TimelineKind.InterventionStarted:
                    Get(interventions, e).Started = e; break;
                case TimelineKind.InterventionEnded:
                    Get(interventions, e).Ended = e; break;
                case TimelineKind.GovernanceConcernRaised:
                    scratch.Concerns.Add(e); break;
                case TimelineKind.ComplaintReceived:
                case TimelineKind.ComplaintEscalated:
                case TimelineKind.ComplaintConcluded:
                case TimelineKind.ComplaintTimescaleBreached:
                case TimelineKind.ComplaintCampaignDetected:
                    scratch.Complaints.Add(e); break;
                case TimelineKind.WhistleblowingConcernTriaged:
                    Get(cases, e).Triaged = e; break;
                case TimelineKind.WhistleblowingConcernConcluded:
                    Get(cases, e).Concluded = e; break;
                case TimelineKind.PartnerSignalSubmitted:
                    if (e.SourceId is { } sid) signals[sid] = e;
                    if (e.RelatedId is { } old) superseded.Add(old);
                    break;
                default:
                    break; // registrations and whistleblowing clock reminders do not change a school's risk
            }
        }

        var (hardScore, hardBand, hardVersion) = AddHard(acc, hard);
        AddNotices(acc, scratch);
        var interventionOrg = AddInterventions(acc, scratch);
        AddConcerns(acc, scratch);
        scratch.Complaints.AddTo(acc);
        AddWhistleblowing(acc, scratch);
        AddPartnerSignals(acc, scratch);

        var soft = Math.Min(model.SoftCap, acc.SoftTotal);
        var priority = (int)Math.Clamp(Math.Round(hardScore * model.HardWeight + soft, MidpointRounding.AwayFromZero), 0, 100);
        var reasons = acc.Reasons.Count == 0 ? [] : InReasonOrder(acc.Reasons, scratch);
        if (acc.SoftTotal > model.SoftCap && acc.Explains)
            reasons.Add(new PriorityReason("soft.capped",
                string.Create(CultureInfo.InvariantCulture, $"Soft intelligence totals {acc.SoftTotal:0.#} points; capped at {model.SoftCap:0.#}."),
                model.SoftCap - acc.SoftTotal, []));
        return new SchoolPriority(urn, priority, model.BandFor(priority), hardScore, hardBand, hardVersion,
            Math.Round(soft, 1), reasons, acc.Support, interventionOrg, acc.PointsByEvent);
    }

    /// <summary>
    /// Most points first, then by code and text; reasons equal on all three keep the order they were
    /// added in, as a stable sort would. Sorted in the scratch's array: only the result is allocated.
    /// </summary>
    private static List<PriorityReason> InReasonOrder(List<PriorityReason> added, CalculationScratch scratch)
    {
        var indexed = scratch.ReasonOrder(added.Count);
        for (var i = 0; i < added.Count; i++) indexed[i] = (added[i], i);
        Array.Sort(indexed, 0, added.Count, ReasonOrderComparer.Instance);
        var ordered = new List<PriorityReason>(added.Count + 1); // room for the soft cap's reason
        for (var i = 0; i < added.Count; i++) ordered.Add(indexed[i].Reason);
        Array.Clear(indexed, 0, added.Count); // the scratch keeps no reasons alive
        return ordered;
    }

    private sealed class ReasonOrderComparer : IComparer<(PriorityReason Reason, int Index)>
    {
        public static readonly ReasonOrderComparer Instance = new();

        public int Compare((PriorityReason Reason, int Index) a, (PriorityReason Reason, int Index) b)
        {
            var c = b.Reason.Points.CompareTo(a.Reason.Points);
            if (c == 0) c = string.CompareOrdinal(a.Reason.Code, b.Reason.Code);
            if (c == 0) c = string.CompareOrdinal(a.Reason.Text, b.Reason.Text);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }
    }

    private (int Score, string Band, string? Version) AddHard(Accumulator acc, TimelineEntry? hard)
    {
        if (hard is null) return (0, "", null);
        var score = hard.Score ?? 0;
        var points = score * model.HardWeight;
        if (!acc.Explains)
        {
            acc.AddHard(null, hard.EventId, points);
            return (score, hard.Level ?? "", hard.ModelVersion);
        }
        var asOf = hard.Date is { } d ? Wording.Date(d) : Wording.Date(hard.OccurredAt);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"SchoolRisk score {score} ({hard.Level}) as of {asOf}, model {hard.ModelVersion}{TopHardReasons(hard.Reasons)}.");
        var refs = new SourceRefs(1);
        refs.AddEvent(hard.EventId);
        acc.AddHard(new PriorityReason("risk.assessment", text, Math.Round(points, 1), refs), hard.EventId, points);
        return (score, hard.Level ?? "", hard.ModelVersion);
    }

    /// <summary>
    /// ": a; b; c" for the three reasons that raised the score most (ties in the model's order, as
    /// a stable descending sort gives), or "" when none raised it.
    /// </summary>
    private static string TopHardReasons(IReadOnlyList<HardReason>? reasons)
    {
        if (reasons is null || reasons.Count == 0) return "";
        HardReason? first = null, second = null, third = null;
        for (var i = 0; i < reasons.Count; i++)
        {
            var r = reasons[i];
            if (r.Contribution <= 0) continue;
            if (first is null || r.Contribution > first.Contribution) (first, second, third) = (r, first, second);
            else if (second is null || r.Contribution > second.Contribution) (second, third) = (r, second);
            else if (third is null || r.Contribution > third.Contribution) third = r;
        }
        if (first is null) return "";
        return second is null ? ": " + first.Description
            : third is null ? string.Concat(": ", first.Description, "; ", second.Description)
            : string.Concat(": ", first.Description, "; ", second.Description, "; ", third.Description);
    }

    private void AddNotices(Accumulator acc, CalculationScratch scratch)
    {
        if (scratch.Notices.Count == 0) return;
        var rules = model.Signals;
        var notices = scratch.NoticeOrder;
        notices.Clear();
        notices.AddRange(scratch.Notices.Values);
        TimeOrder.Sort(notices, static n => n.First.OccurredAt);
        foreach (var n in notices)
        {
            var any = n.Issued ?? n.DeadlinePassed ?? n.Complied!;
            var type = acc.Explains ? Wording.Humanise(any.Category) : "";
            IReadOnlyList<string> refs = acc.Explains ? n.Refs() : [];
            if (n.Complied is { } complied)
            {
                var age = acc.AgeDays(complied.Date, complied.OccurredAt);
                var points = rules.WarningNoticeComplied.Points * rules.WarningNoticeComplied.Decay(age);
                if (acc.Admits(points))
                    acc.Add("governance.notice.complied",
                        acc.Explains ? $"Warning notice ({type}) complied with on {Wording.Date(complied.Date ?? DateOnly.FromDateTime(complied.OccurredAt.UtcDateTime))}." : "",
                        refs, complied.EventId, points);
            }
            else
            {
                var open = rules.WarningNoticeOpen.Points;
                var issued = n.Issued;
                var text = !acc.Explains || !acc.Admits(open) ? ""
                    : issued is null
                    ? $"Warning notice ({type}) open."
                    : string.IsNullOrEmpty(issued.Detail)
                    ? $"Warning notice ({type}) issued {Wording.Date(issued.Date ?? DateOnly.FromDateTime(issued.OccurredAt.UtcDateTime))} by {Wording.NoticeIssuer(issued.Organisation, _names)}; not yet complied with."
                    : $"Warning notice ({type}) issued {Wording.Date(issued.Date ?? DateOnly.FromDateTime(issued.OccurredAt.UtcDateTime))} by {Wording.NoticeIssuer(issued.Organisation, _names)} on grounds of {Wording.Humanise(issued.Detail).Replace(" , ", ", ", StringComparison.Ordinal)}; not yet complied with.";
                acc.Add("governance.notice.open", text, refs, (issued ?? any).EventId, open);
                if (acc.Explains) acc.AddSupport(issued is null ? $"Warning notice ({type}) open" : $"Warning notice ({type}) open since {Wording.Date(issued.OccurredAt)}");
            }
            if (n.DeadlinePassed is { } passed && (n.Complied is null || n.Complied.OccurredAt > passed.OccurredAt))
            {
                var age = acc.AgeDays(passed.Date, passed.OccurredAt);
                var points = rules.WarningNoticeDeadlinePassed.Points * rules.WarningNoticeDeadlinePassed.Decay(age);
                if (acc.Admits(points))
                    acc.Add("governance.notice.deadline-passed",
                        acc.Explains ? $"Warning notice ({type}) compliance deadline {(passed.Date is { } dl ? Wording.Date(dl) : Wording.Date(passed.OccurredAt))} passed without compliance." : "",
                        refs, passed.EventId, points);
            }
        }
    }

    private string? AddInterventions(Accumulator acc, CalculationScratch scratch)
    {
        if (scratch.Interventions.Count == 0) return null;
        var rules = model.Signals;
        string? organisation = null;
        var interventions = scratch.InterventionOrder;
        interventions.Clear();
        interventions.AddRange(scratch.Interventions.Values);
        TimeOrder.Sort(interventions, static i => (i.Started ?? i.Ended!).OccurredAt);
        foreach (var i in interventions)
        {
            var any = i.Started ?? i.Ended!;
            var kind = acc.Explains ? Wording.Humanise(any.Category) : "";
            SourceRefs? refs = null;
            if (acc.Explains)
            {
                refs = new SourceRefs(3);
                refs.Add("intervention", any.SourceId ?? Guid.Empty);
                if (i.Started is not null) refs.AddEvent(i.Started.EventId);
            }
            if (i.Ended is { } ended)
            {
                refs?.AddEvent(ended.EventId);
                var age = acc.AgeDays(ended.Date, ended.OccurredAt);
                var points = rules.InterventionEnded.Points * rules.InterventionEnded.Decay(age);
                if (!acc.Admits(points)) continue;
                var on = !acc.Explains ? "" : ended.Date is { } d ? Wording.Date(d) : Wording.Date(ended.OccurredAt);
                var text = !acc.Explains ? ""
                    : string.IsNullOrEmpty(ended.Detail) ? $"Intervention ({kind}) ended {on}."
                    : $"Intervention ({kind}) ended {on}, outcome: {Wording.Humanise(ended.Detail)}.";
                acc.Add("governance.intervention.ended", text, (IReadOnlyList<string>?)refs ?? [], ended.EventId, points);
            }
            else
            {
                var started = i.Started!;
                var points = rules.InterventionActive.Points;
                var since = acc.Explains ? (started.Date is { } d ? Wording.Date(d) : Wording.Date(started.OccurredAt)) : "";
                acc.Add("governance.intervention.active",
                    acc.Explains ? $"Intervention ({kind}) in place since {since}, led by {_names.Display(started.Organisation)}." : "",
                    (IReadOnlyList<string>?)refs ?? [], started.EventId, points);
                if (acc.Explains) acc.AddSupport($"Intervention: {kind} since {since} ({_names.Display(started.Organisation)})");
                organisation = _names.Display(started.Organisation);
            }
        }
        return organisation;
    }

    private void AddConcerns(Accumulator acc, CalculationScratch scratch)
    {
        var concerns = scratch.Concerns;
        if (concerns.Count == 0) return;
        var rule = model.Signals.GovernanceConcern;
        double total = 0;
        var refs = acc.Explains ? new SourceRefs(concerns.Count * 2) : null;
        var levels = scratch.Parts;
        levels.Clear();
        var counted = 0;
        TimeOrder.Sort(concerns, static c => c.OccurredAt);
        foreach (var c in concerns)
        {
            var points = rule.For(c.Level) * rule.Decay(acc.AgeDays(null, c.OccurredAt));
            if (points < model.IgnoreBelow) continue;
            total += acc.Credit(c.EventId, points);
            counted++;
            if (refs is null) continue;
            refs.Add("governance-concern", c.SourceId ?? Guid.Empty);
            refs.AddEvent(c.EventId);
            levels.Add($"{Wording.Humanise(c.Level)} ({_names.Display(c.Organisation)}, {Wording.Date(c.OccurredAt)})");
        }
        if (counted == 0) return;
        acc.AddCapped("governance.concern", refs is null ? "" :
            $"{Wording.Plural(levels.Count, "governance concern", "governance concerns")} raised: {string.Join(", ", levels)}.",
            (IReadOnlyList<string>?)refs ?? [], total, rule.Cap);
    }

    private void AddWhistleblowing(Accumulator acc, CalculationScratch scratch)
    {
        if (scratch.Cases.Count == 0) return;
        var rule = model.Signals.Whistleblowing;
        double total = 0;
        var refs = acc.Explains ? new SourceRefs(scratch.Cases.Count * 3) : null;
        var parts = scratch.Parts;
        parts.Clear();
        var substantiated = 0;
        var counted = 0;
        var cases = scratch.CaseOrder;
        cases.Clear();
        foreach (var c in scratch.Cases.Values)
            if (c.Triaged is not null || c.Concluded is not null) cases.Add(c);
        TimeOrder.Sort(cases, static c => (c.Triaged ?? c.Concluded!).OccurredAt);
        foreach (var c in cases)
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
            if (refs is null) continue;
            refs.Add("whistleblowing-case", basis.SourceId ?? Guid.Empty);
            refs.AddEvent(basis.EventId);
            if (c.Concluded is not null) refs.AddEvent(c.Concluded.EventId);
            parts.Add(c.Concluded?.Detail is { } o
                ? $"{Wording.Humanise(basis.Category)}, {Wording.Humanise(severity)} severity, {Wording.Date(basis.OccurredAt)}, {Wording.Humanise(o)}"
                : $"{Wording.Humanise(basis.Category)}, {Wording.Humanise(severity)} severity, {Wording.Date(basis.OccurredAt)}");
        }
        if (counted == 0) return;
        var text = refs is null ? ""
            : substantiated > 0 ? $"{Wording.Plural(parts.Count, "whistleblowing concern", "whistleblowing concerns")} triaged ({string.Join("; ", parts)}); {substantiated} substantiated."
            : $"{Wording.Plural(parts.Count, "whistleblowing concern", "whistleblowing concerns")} triaged ({string.Join("; ", parts)}).";
        acc.AddCapped("whistleblowing.concern", text, (IReadOnlyList<string>?)refs ?? [], total, rule.Cap);
    }

    private void AddPartnerSignals(Accumulator acc, CalculationScratch scratch)
    {
        if (scratch.Signals.Count == 0) return;
        var rule = model.Signals.PartnerSignal;
        var signals = scratch.SignalOrder;
        signals.Clear();
        foreach (var s in scratch.Signals.Values)
            if (scratch.Superseded.Count == 0 || !scratch.Superseded.Contains(s.SourceId!.Value)) signals.Add(s);
        // One composite key orders exactly as OrderBy(date).ThenBy(event id) does: both are stable and use the default comparers.
        TimeOrder.Sort(signals, static s => (s.Date ?? DateOnly.FromDateTime(s.OccurredAt.UtcDateTime), s.EventId));
        var points = scratch.GroupPoints;
        var worded = scratch.GroupWording;
        points.Clear();
        worded.Clear();
        foreach (var s in signals)
        {
            var p = rule.For(s.Level) * rule.Decay(acc.AgeDays(s.Date, s.OccurredAt));
            if (p < model.IgnoreBelow) continue;
            acc.Credit(s.EventId, p);
            points.Add(p);
            if (!acc.Explains) continue;
            var observed = s.Date is { } d ? Wording.Date(d) : Wording.Date(s.OccurredAt);
            var refs = new SourceRefs(2);
            refs.Add("signal", s.SourceId ?? Guid.Empty);
            refs.AddEvent(s.EventId);
            worded.Add(($"{_names.Display(s.Organisation)}: {Wording.Humanise(s.Category)}, {Wording.Humanise(s.Level)} concern, observed {observed}.", refs));
        }
        acc.AddCappedGroup("partner.signal", points, worded, rule.Cap);
    }

    private static TState Get<TState>(Dictionary<Guid, TState> d, TimelineEntry e) where TState : SourceRecordState, new()
    {
        var key = e.SourceId ?? e.EventId;
        if (!d.TryGetValue(key, out var s)) d[key] = s = new TState { First = e };
        return s;
    }
}

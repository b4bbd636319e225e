namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// Complaints for one school, grouped so that a campaign (many similar complaints marked by the
/// Complaints service) counts once. A complaint joins a campaign either because its
/// ComplaintReceived carried the campaign id or because a later ComplaintCampaignDetected listed it.
/// </summary>
internal sealed class ComplaintTally
{
    private readonly List<TimelineEntry> _entries = [];

    public void Add(TimelineEntry e) => _entries.Add(e);

    public void AddTo(Accumulator acc)
    {
        if (_entries.Count == 0) return;
        var model = acc.Model;
        var signals = model.Signals;

        var campaignOf = new Dictionary<Guid, Guid>();
        foreach (var e in _entries)
        {
            if (e.Kind == TimelineKind.ComplaintReceived && e.RelatedId is { } cid && e.SourceId is { } id) campaignOf[id] = cid;
            if (e.Kind == TimelineKind.ComplaintCampaignDetected && e.SourceId is { } campaign)
                foreach (var complaint in e.RelatedIds ?? []) campaignOf[complaint] = campaign;
        }

        var groups = new Dictionary<Guid, Group>();
        double breachedPoints = 0;
        var breachedRefs = new List<string>();
        var breachedCount = 0;
        foreach (var e in TimeOrder.By(_entries, static e => e.OccurredAt))
        {
            if (e.Kind == TimelineKind.ComplaintCampaignDetected) continue;
            var complaintId = e.SourceId ?? e.EventId;
            if (e.Kind == TimelineKind.ComplaintTimescaleBreached)
            {
                var p = signals.ComplaintTimescaleBreached.Points * signals.ComplaintTimescaleBreached.Decay(acc.AgeDays(e.Date, e.OccurredAt));
                breachedPoints += acc.Credit(e.EventId, p);
                breachedCount++;
                if (acc.Explains) breachedRefs.Add(Wording.Ref("complaint", complaintId));
                continue;
            }
            var key = campaignOf.TryGetValue(complaintId, out var c) ? c : complaintId;
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = new Group(key, key != complaintId);
            if (!g.Complaints.Contains(complaintId)) g.Complaints.Add(complaintId);
            g.EventCount++;
            if (acc.TracksEvents) (g.Events ??= new(2)).Add(e.EventId);
            switch (e.Kind)
            {
                case TimelineKind.ComplaintReceived:
                    g.Latest = g.Latest > e.OccurredAt ? g.Latest : e.OccurredAt;
                    g.Safeguarding |= e.Flag;
                    if (acc.Explains) (g.Categories ??= []).Add(Wording.Humanise(e.Category));
                    break;
                case TimelineKind.ComplaintEscalated:
                    g.Escalated = true;
                    break;
                case TimelineKind.ComplaintConcluded:
                    var outcome = (e.Detail ?? "").Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
                    if (outcome is "upheld" or "partly-upheld" or "partially-upheld") g.Upheld = true;
                    else if (outcome is "not-upheld" or "withdrawn") g.NotUpheld = true;
                    break;
            }
        }

        double total = 0;
        var counted = 0;
        var raw = 0;
        var campaigns = 0;
        var safeguarding = 0;
        var upheld = 0;
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var refs = new List<string>();
        foreach (var g in TimeOrder.By(groups.Values.Where(static g => g.Latest != default), static g => g.Latest))
        {
            var points = signals.Complaint.Points
                         + (g.Safeguarding ? signals.ComplaintSafeguardingBonus : 0)
                         + (g.Escalated ? signals.ComplaintEscalationBonus : 0)
                         + (g.Upheld ? signals.ComplaintUpheldBonus : 0);
            if (g.NotUpheld && !g.Upheld) points *= signals.ComplaintNotUpheldFactor;
            points *= signals.Complaint.Decay(acc.AgeDays(null, g.Latest));
            if (points < model.IgnoreBelow) continue;
            total += points;
            if (g.Events is not null)
                foreach (var ev in g.Events) acc.Credit(ev, points / g.EventCount);
            counted++;
            raw += g.Complaints.Count;
            if (g.IsCampaign) campaigns++;
            if (acc.Explains) refs.Add(Wording.Ref(g.IsCampaign ? "campaign" : "complaint", g.Key));
            if (g.Safeguarding) safeguarding++;
            if (g.Upheld) upheld++;
            if (g.Categories is not null) categories.UnionWith(g.Categories);
        }
        if (counted > 0)
        {
            var text = !acc.Explains ? "" : $"{Wording.Plural(raw, "complaint", "complaints")} received"
                       + (campaigns > 0 ? $" ({Wording.Plural(campaigns, "campaign", "campaigns")} counted once, so {counted} counted)" : "")
                       + $": {string.Join(", ", categories)}"
                       + (safeguarding > 0 ? $"; {safeguarding} with a safeguarding flag" : "")
                       + (upheld > 0 ? $"; {upheld} upheld" : "") + ".";
            acc.AddCapped(new PriorityReason("complaints", text, total, refs), signals.Complaint.Cap);
        }
        if (breachedPoints >= model.IgnoreBelow)
            acc.AddCapped(new PriorityReason("complaints.timescale-breached",
                acc.Explains ? $"{Wording.Plural(breachedCount, "complaint stage", "complaint stages")} not answered within the timescale." : "",
                breachedPoints, breachedRefs.Distinct().ToList()), signals.ComplaintTimescaleBreached.Cap);
    }

    private sealed class Group(Guid key, bool isCampaign)
    {
        public Guid Key { get; } = key;
        public bool IsCampaign { get; } = isCampaign;
        // Lists, not sets: a group is one complaint, or a campaign's few dozen, and one is built per
        // complaint for every school twice a month's list.
        public List<Guid> Complaints { get; } = new(1);
        /// <summary>Only when the accumulator tracks what each event contributes; a list needs the count alone.</summary>
        public List<Guid>? Events { get; set; }
        public int EventCount { get; set; }
        /// <summary>Only when explaining; duplicates are removed where they are joined.</summary>
        public List<string>? Categories { get; set; }
        public DateTimeOffset Latest { get; set; }
        public bool Safeguarding { get; set; }
        public bool Escalated { get; set; }
        public bool Upheld { get; set; }
        public bool NotUpheld { get; set; }
    }
}

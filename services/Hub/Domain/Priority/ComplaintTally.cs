namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// Complaints for one school, grouped so that a campaign (many similar complaints marked by the
/// Complaints service) counts once. A complaint joins a campaign either because its
/// ComplaintReceived carried the campaign id or because a later ComplaintCampaignDetected listed it.
/// Reused from school to school (<see cref="Clear"/>), like the rest of a <see cref="CalculationScratch"/>.
/// </summary>
internal sealed class ComplaintTally
{
    private readonly List<TimelineEntry> _entries = [];
    private readonly List<Group> _counted = [];
    private readonly SortedSet<string> _categories = new(StringComparer.Ordinal);
    // Groups are reused from school to school: one per complaint was the largest allocation left in a ranking.
    private readonly List<Group> _groupPool = [];
    private int _groupsInUse;
    private Dictionary<Guid, Guid> _campaignOf = [];
    private Dictionary<Guid, Group> _groups = [];

    public void Add(TimelineEntry e) => _entries.Add(e);

    public void Clear()
    {
        _entries.Clear();
        _counted.Clear();
        _categories.Clear();
        _groupsInUse = 0;
        _campaignOf = CalculationScratch.Emptied(_campaignOf);
        _groups = CalculationScratch.Emptied(_groups);
    }

    public void AddTo(Accumulator acc)
    {
        if (_entries.Count == 0) return;
        var model = acc.Model;
        var signals = model.Signals;

        foreach (var e in _entries)
        {
            if (e.Kind == TimelineKind.ComplaintReceived && e.RelatedId is { } cid && e.SourceId is { } id) _campaignOf[id] = cid;
            if (e.Kind == TimelineKind.ComplaintCampaignDetected && e.SourceId is { } campaign && e.RelatedIds is { } listed)
                foreach (var complaint in listed) _campaignOf[complaint] = campaign;
        }

        double breachedPoints = 0;
        SourceRefs? breachedRefs = null;
        var breachedCount = 0;
        TimeOrder.Sort(_entries, static e => e.OccurredAt);
        foreach (var e in _entries)
        {
            if (e.Kind == TimelineKind.ComplaintCampaignDetected) continue;
            var complaintId = e.SourceId ?? e.EventId;
            if (e.Kind == TimelineKind.ComplaintTimescaleBreached)
            {
                var p = signals.ComplaintTimescaleBreached.Points * signals.ComplaintTimescaleBreached.Decay(acc.AgeDays(e.Date, e.OccurredAt));
                breachedPoints += acc.Credit(e.EventId, p);
                breachedCount++;
                if (acc.Explains) (breachedRefs ??= new SourceRefs()).AddOnce("complaint", complaintId);
                continue;
            }
            var key = _campaignOf.TryGetValue(complaintId, out var c) ? c : complaintId;
            if (!_groups.TryGetValue(key, out var g)) _groups[key] = g = NewGroup(key, key != complaintId, complaintId);
            g.AddComplaint(complaintId);
            g.EventCount++;
            if (acc.TracksEvents) g.AddEvent(e.EventId);
            switch (e.Kind)
            {
                case TimelineKind.ComplaintReceived:
                    g.Latest = g.Latest > e.OccurredAt ? g.Latest : e.OccurredAt;
                    g.Safeguarding |= e.Flag;
                    if (acc.Explains) _categories.Add(Wording.Humanise(e.Category)); // only counted groups' categories are shown: see below
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

        foreach (var g in _groups.Values)
            if (g.Latest != default) _counted.Add(g);
        TimeOrder.Sort(_counted, static g => g.Latest);
        double total = 0;
        var counted = 0;
        var raw = 0;
        var campaigns = 0;
        var safeguarding = 0;
        var upheld = 0;
        var anyIgnored = false;
        SourceRefs? refs = acc.Explains ? new SourceRefs(_counted.Count) : null;
        foreach (var g in _counted)
        {
            var points = signals.Complaint.Points
                         + (g.Safeguarding ? signals.ComplaintSafeguardingBonus : 0)
                         + (g.Escalated ? signals.ComplaintEscalationBonus : 0)
                         + (g.Upheld ? signals.ComplaintUpheldBonus : 0);
            if (g.NotUpheld && !g.Upheld) points *= signals.ComplaintNotUpheldFactor;
            points *= signals.Complaint.Decay(acc.AgeDays(null, g.Latest));
            if (points < model.IgnoreBelow)
            {
                g.Ignored = true;
                anyIgnored = true;
                continue;
            }
            total += points;
            if (g.Events is not null)
                foreach (var ev in g.Events) acc.Credit(ev, points / g.EventCount);
            counted++;
            raw += g.ComplaintCount;
            if (g.IsCampaign) campaigns++;
            refs?.Add(g.IsCampaign ? "campaign" : "complaint", g.Key);
            if (g.Safeguarding) safeguarding++;
            if (g.Upheld) upheld++;
        }
        if (counted > 0)
        {
            var text = !acc.Explains ? "" : $"{Wording.Plural(raw, "complaint", "complaints")} received"
                       + (campaigns > 0 ? $" ({Wording.Plural(campaigns, "campaign", "campaigns")} counted once, so {counted} counted)" : "")
                       + $": {string.Join(", ", anyIgnored ? CountedCategories() : _categories)}"
                       + (safeguarding > 0 ? $"; {safeguarding} with a safeguarding flag" : "")
                       + (upheld > 0 ? $"; {upheld} upheld" : "") + ".";
            acc.AddCapped("complaints", text, (IReadOnlyList<string>?)refs ?? [], total, signals.Complaint.Cap);
        }
        if (breachedPoints >= model.IgnoreBelow)
            acc.AddCapped("complaints.timescale-breached",
                acc.Explains ? $"{Wording.Plural(breachedCount, "complaint stage", "complaint stages")} not answered within the timescale." : "",
                (IReadOnlyList<string>?)breachedRefs ?? [], breachedPoints, signals.ComplaintTimescaleBreached.Cap);
    }

    private Group NewGroup(Guid key, bool isCampaign, Guid firstComplaint)
    {
        if (_groupsInUse == _groupPool.Count) _groupPool.Add(new Group());
        var g = _groupPool[_groupsInUse++];
        g.Reset(key, isCampaign, firstComplaint);
        return g;
    }

    /// <summary>
    /// The categories of the counted groups only, when decay left some group out: rare, so the
    /// usual case takes every received complaint's category as it passes and words nothing twice.
    /// </summary>
    private SortedSet<string> CountedCategories()
    {
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in _entries)
        {
            if (e.Kind != TimelineKind.ComplaintReceived) continue;
            var complaintId = e.SourceId ?? e.EventId;
            var key = _campaignOf.TryGetValue(complaintId, out var c) ? c : complaintId;
            if (!_groups[key].Ignored) categories.Add(Wording.Humanise(e.Category));
        }
        return categories;
    }

    private sealed class Group
    {
        // A group is one complaint, or a campaign's few dozen: the first is kept inline, the rest
        // (distinct) only for a campaign.
        private Guid _firstComplaint;
        private List<Guid>? _more;
        private List<Guid>? _events;

        public Guid Key { get; private set; }
        public bool IsCampaign { get; private set; }
        public int ComplaintCount => 1 + (_more?.Count ?? 0);
        /// <summary>Only when the accumulator tracks what each event contributes; a list needs the count alone.</summary>
        public List<Guid>? Events => _events is { Count: > 0 } ? _events : null;
        public int EventCount { get; set; }
        public DateTimeOffset Latest { get; set; }
        public bool Safeguarding { get; set; }
        public bool Escalated { get; set; }
        public bool Upheld { get; set; }
        public bool NotUpheld { get; set; }
        /// <summary>Decayed below notice: not counted, and its categories not shown.</summary>
        public bool Ignored { get; set; }

        public void Reset(Guid key, bool isCampaign, Guid firstComplaint)
        {
            Key = key;
            IsCampaign = isCampaign;
            _firstComplaint = firstComplaint;
            _more?.Clear();
            _events?.Clear();
            EventCount = 0;
            Latest = default;
            Safeguarding = Escalated = Upheld = NotUpheld = Ignored = false;
        }

        public void AddComplaint(Guid complaintId)
        {
            if (complaintId == _firstComplaint || (_more?.Contains(complaintId) ?? false)) return;
            (_more ??= []).Add(complaintId);
        }

        public void AddEvent(Guid eventId) => (_events ??= new(2)).Add(eventId);
    }
}

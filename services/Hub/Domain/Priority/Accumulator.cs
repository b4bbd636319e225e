namespace EducationHub.Hub.Domain.Priority;

/// <summary>Collects one school's reasons, support and soft points while the calculator walks its timeline.</summary>
internal sealed class Accumulator(PriorityModel model, DateTimeOffset asOf, PriorityDetail detail)
{
    /// <summary>False when only the score is wanted: callers then skip building the wording.</summary>
    public bool Explains { get; } = detail >= PriorityDetail.Reasons;

    /// <summary>True when what each event contributes is wanted (a school's timeline), false for a list.</summary>
    public bool TracksEvents { get; } = detail >= PriorityDetail.ReasonsAndEventPoints;

    public List<PriorityReason> Reasons { get; } = [];
    /// <summary>Current support in place; only collected when explaining.</summary>
    public List<string> Support { get; } = [];
    public Dictionary<Guid, double> PointsByEvent { get; } = [];
    public double SoftTotal { get; private set; }
    public PriorityModel Model => model;

    /// <summary>Days between a signal and the evaluation instant; a dated signal ages from its date.</summary>
    public double AgeDays(DateOnly? date, DateTimeOffset occurredAt)
    {
        var from = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : occurredAt;
        return Math.Max(0, (asOf - from).TotalDays);
    }

    public void AddHard(PriorityReason reason, Guid eventId, double points)
    {
        if (Explains) Reasons.Add(reason);
        if (TracksEvents) PointsByEvent[eventId] = Math.Round(points, 1);
    }

    /// <summary>A single-source soft reason; dropped when decay made it negligible.</summary>
    public void Add(PriorityReason reason, Guid eventId, double points)
    {
        if (points < model.IgnoreBelow) return;
        Credit(eventId, points);
        SoftTotal += points;
        if (Explains) Reasons.Add(reason with { Points = Math.Round(points, 1) });
    }

    /// <summary>Notes what one event contributes (for the timeline) without adding a reason.</summary>
    public double Credit(Guid eventId, double points)
    {
        if (TracksEvents) PointsByEvent[eventId] = Math.Round(PointsByEvent.GetValueOrDefault(eventId) + points, 1);
        return points;
    }

    /// <summary>An aggregated reason whose total is limited by its signal kind's cap.</summary>
    public void AddCapped(PriorityReason reason, double cap)
    {
        var points = cap > 0 ? Math.Min(cap, reason.Points) : reason.Points;
        if (points < model.IgnoreBelow) return;
        SoftTotal += points;
        if (Explains) Reasons.Add(reason with { Points = Math.Round(points, 1) });
    }

    /// <summary>Several reasons of one kind sharing a cap: scaled down together when over it.</summary>
    public void AddCappedGroup(IReadOnlyList<PriorityReason> reasons, double cap)
    {
        double sum = 0;
        for (var i = 0; i < reasons.Count; i++) sum += reasons[i].Points;
        var scale = cap > 0 && sum > cap ? cap / sum : 1;
        foreach (var r in reasons)
        {
            var points = r.Points * scale;
            SoftTotal += points;
            if (Explains) Reasons.Add(r with { Points = Math.Round(points, 1) });
        }
    }
}

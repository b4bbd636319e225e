using System.Collections.ObjectModel;

namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// Collects one school's reasons, support and soft points while the calculator walks its timeline.
/// Reused from school to school (<see cref="Reset"/>): what a result keeps (support, per-event
/// points) is made anew for each school, and only when that detail is wanted.
/// </summary>
internal sealed class Accumulator(PriorityModel model)
{
    private DateTimeOffset _asOf;
    private List<string>? _support;
    private Dictionary<Guid, double>? _pointsByEvent;

    /// <summary>False when only the score is wanted: callers then skip building the wording.</summary>
    public bool Explains { get; private set; }

    /// <summary>True when what each event contributes is wanted (a school's timeline), false for a list.</summary>
    public bool TracksEvents { get; private set; }

    /// <summary>This school's reasons in the order they were added; the calculator copies them out in reason order.</summary>
    public List<PriorityReason> Reasons { get; } = [];
    public double SoftTotal { get; private set; }
    public PriorityModel Model => model;

    public void Reset(DateTimeOffset asOf, PriorityDetail detail)
    {
        _asOf = asOf;
        Explains = detail >= PriorityDetail.Reasons;
        TracksEvents = detail >= PriorityDetail.ReasonsAndEventPoints;
        Reasons.Clear();
        _support = null;
        _pointsByEvent = TracksEvents ? [] : null;
        SoftTotal = 0;
    }

    /// <summary>Current support in place, for the result; only collected when explaining.</summary>
    public IReadOnlyList<string> Support => _support ?? (IReadOnlyList<string>)[];

    /// <summary>What each event contributed, for the result; empty unless tracking events.</summary>
    public IReadOnlyDictionary<Guid, double> PointsByEvent => (IReadOnlyDictionary<Guid, double>?)_pointsByEvent ?? ReadOnlyDictionary<Guid, double>.Empty;

    public void AddSupport(string text) => (_support ??= []).Add(text);

    /// <summary>Days between a signal and the evaluation instant; a dated signal ages from its date.</summary>
    public double AgeDays(DateOnly? date, DateTimeOffset occurredAt)
    {
        var from = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : occurredAt;
        return Math.Max(0, (_asOf - from).TotalDays);
    }

    /// <summary>True when a single-source reason of these points counts (is not negligible after decay), so is worth wording.</summary>
    public bool Admits(double points) => points >= model.IgnoreBelow;

    public void AddHard(PriorityReason? reason, Guid eventId, double points)
    {
        if (Explains) Reasons.Add(reason!);
        if (_pointsByEvent is not null) _pointsByEvent[eventId] = Math.Round(points, 1);
    }

    /// <summary>A single-source soft reason; dropped when decay made it negligible.</summary>
    public void Add(string code, string text, IReadOnlyList<string> refs, Guid eventId, double points)
    {
        if (!Admits(points)) return;
        Credit(eventId, points);
        SoftTotal += points;
        if (Explains) Reasons.Add(new PriorityReason(code, text, Math.Round(points, 1), refs));
    }

    /// <summary>Notes what one event contributes (for the timeline) without adding a reason.</summary>
    public double Credit(Guid eventId, double points)
    {
        if (_pointsByEvent is not null) _pointsByEvent[eventId] = Math.Round(_pointsByEvent.GetValueOrDefault(eventId) + points, 1);
        return points;
    }

    /// <summary>An aggregated reason whose total is limited by its signal kind's cap.</summary>
    public void AddCapped(string code, string text, IReadOnlyList<string> refs, double total, double cap)
    {
        var points = cap > 0 ? Math.Min(cap, total) : total;
        if (!Admits(points)) return;
        SoftTotal += points;
        if (Explains) Reasons.Add(new PriorityReason(code, text, Math.Round(points, 1), refs));
    }

    /// <summary>
    /// Several reasons of one kind sharing a cap: scaled down together when over it.
    /// <paramref name="worded"/> holds each one's text and references when explaining.
    /// </summary>
    public void AddCappedGroup(string code, List<double> points, List<(string Text, IReadOnlyList<string> Refs)> worded, double cap)
    {
        double sum = 0;
        for (var i = 0; i < points.Count; i++) sum += points[i];
        var scale = cap > 0 && sum > cap ? cap / sum : 1;
        for (var i = 0; i < points.Count; i++)
        {
            var scaled = points[i] * scale;
            SoftTotal += scaled;
            if (Explains) Reasons.Add(new PriorityReason(code, worded[i].Text, Math.Round(scaled, 1), worded[i].Refs));
        }
    }
}

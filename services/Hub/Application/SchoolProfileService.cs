using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Hub.Application;

/// <summary>One school as the hub sees it: register details, today's priority and reasons, timeline, 12 months of history.</summary>
public sealed class SchoolProfileService(HubReadModel read, PriorityCalculator calculator, OrganisationNames organisations, TimeProvider clock)
{
    public sealed record MonthPoint(string Month, int Priority, string Band, bool Listed, bool Published);

    public sealed record TimelineLine(TimelineEntry Entry, string Summary, string SourceRef, double PointsNow);

    public sealed record Profile(
        SchoolInfo School,
        SchoolPriority Current,
        IReadOnlyList<TimelineLine> Timeline,
        int TimelineTotal,
        IReadOnlyList<MonthPoint> History,
        IReadOnlyList<EigDecision> Decisions,
        IReadOnlyList<ReplacedDecision> ReplacedDecisions,
        IReadOnlyDictionary<Guid, AgreedAction> DecisionProgress);

    public async Task<Profile> GetAsync(int urn, int timelineLimit, CancellationToken ct)
    {
        var schools = await read.SchoolsAsync(ct);
        var school = schools.GetValueOrDefault(urn);
        var urns = new List<int> { urn };
        if (school is not null) urns.AddRange(school.PredecessorUrns);
        var entries = await read.SchoolTimelineAsync(urns, ct);
        if (school is null && entries.Count == 0)
            throw new HubNotFoundException($"school/{urn}", $"The hub knows nothing about URN {urn}.");
        school ??= SchoolInfo.Unknown(urn);
        var timeline = TimelineIndex.Build(entries.Select(e => e with { Urn = urn }), new Dictionary<int, SchoolInfo>()).GetValueOrDefault(urn) ?? [];

        var now = clock.GetUtcNow();
        var current = calculator.Calculate(urn, timeline, now);
        var history = await HistoryAsync(urn, timeline, now, ct);
        var lines = timeline.AsEnumerable().Reverse().Take(timelineLimit)
            .Select(e => new TimelineLine(e, TimelineWording.Summary(e, organisations), TimelineWording.SourceRef(e), current.PointsByEvent.GetValueOrDefault(e.EventId)))
            .ToList();
        var decisions = await read.DecisionsForSchoolAsync(urn, ct);
        // As the month's list judges last month's actions: recorded as done, or seen on the timeline, or overdue.
        var progress = decisions.ToDictionary(d => d.Id, d => AgreedActionAssessor.Assess(d, timeline, now));
        return new Profile(school, current, lines, timeline.Count, history, decisions, await read.ReplacedDecisionsForSchoolAsync(urn, ct), progress);
    }

    /// <summary>
    /// The last 12 months: what the group saw when the month was published, otherwise the
    /// priority recomputed as of the end of that month.
    /// </summary>
    private async Task<List<MonthPoint>> HistoryAsync(int urn, List<TimelineEntry> timeline, DateTimeOffset now, CancellationToken ct)
    {
        var months = new List<RiskMonth>();
        var m = RiskMonth.Containing(now);
        for (var i = 0; i < 12; i++, m = m.Previous) months.Insert(0, m);
        var snapshots = (await read.SnapshotsAsync(months.Select(x => x.ToString()).ToList(), ct))
            .ToDictionary(s => s.Month, SnapshotJson.Read);
        var threshold = calculator.Model.Threshold;
        var points = new List<MonthPoint>();
        foreach (var month in months)
        {
            var key = month.ToString();
            if (snapshots.TryGetValue(key, out var published))
            {
                var entry = published.Entries.FirstOrDefault(e => e.Urn == urn);
                if (entry is not null) { points.Add(new MonthPoint(key, entry.Priority, entry.Band, true, true)); continue; }
                var p0 = calculator.Calculate(urn, timeline, month.EvaluationInstant(now));
                points.Add(new MonthPoint(key, p0.Priority, p0.Band, false, true));
                continue;
            }
            var p = calculator.Calculate(urn, timeline, month.EvaluationInstant(now));
            points.Add(new MonthPoint(key, p.Priority, p.Band, p.Priority >= threshold, false));
        }
        return points;
    }
}

using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Application;

/// <summary>Reads what the list and profile are computed from. No tracking: these are read-only passes.</summary>
public sealed class HubReadModel(HubDbContext db)
{
    public async Task<Dictionary<int, SchoolInfo>> SchoolsAsync(CancellationToken ct) =>
        (await db.Schools.AsNoTracking().ToListAsync(ct)).Select(RowMapping.ToSchool).ToDictionary(s => s.Urn);

    /// <summary>Every entry the hub had received by <paramref name="receivedBy"/>, all at once (small checks and comparisons; the list streams).</summary>
    public async Task<List<TimelineEntry>> TimelineAsync(DateTimeOffset receivedBy, CancellationToken ct)
    {
        var ms = RowMapping.ToMs(receivedBy);
        var rows = await db.Timeline.AsNoTracking().Where(t => t.ReceivedAtMs <= ms).ToListAsync(ct);
        return rows.ConvertAll(RowMapping.ToEntry);
    }

    /// <summary>Every school's timeline as received by <paramref name="receivedBy"/>, streamed one school at a time.</summary>
    public IAsyncEnumerable<(int Urn, List<TimelineEntry> Timeline)> TimelineBySchoolAsync(
        DateTimeOffset receivedBy, IReadOnlyDictionary<int, SchoolInfo> schools, CancellationToken ct) =>
        TimelineBySchoolReader.ReadAsync(db, receivedBy, schools, ct);

    public async Task<List<TimelineEntry>> SchoolTimelineAsync(IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var rows = await db.Timeline.AsNoTracking().Where(t => urns.Contains(t.Urn)).ToListAsync(ct);
        return rows.ConvertAll(RowMapping.ToEntry);
    }

    public async Task<Dictionary<int, EigDecision>> DecisionsAsync(RiskMonth month, CancellationToken ct)
    {
        var key = month.ToString();
        return (await db.Decisions.AsNoTracking().Where(d => d.Month == key).ToListAsync(ct))
            .Select(RowMapping.ToDecision).ToDictionary(d => d.Urn);
    }

    public async Task<List<EigDecision>> DecisionsForSchoolAsync(int urn, CancellationToken ct) =>
        (await db.Decisions.AsNoTracking().Where(d => d.Urn == urn).ToListAsync(ct))
            .Select(RowMapping.ToDecision).OrderByDescending(d => d.Month).ToList();

    /// <summary>The versions of the school's decisions that later recordings replaced, latest month first, then latest replaced first.</summary>
    public async Task<List<ReplacedDecision>> ReplacedDecisionsForSchoolAsync(int urn, CancellationToken ct) =>
        (await db.DecisionHistory.AsNoTracking().Where(d => d.Urn == urn).ToListAsync(ct))
            .Select(RowMapping.ToReplacedDecision).OrderByDescending(d => d.Decision.Month).ThenByDescending(d => d.ReplacedAt).ToList();

    public Task<SnapshotRow?> SnapshotAsync(RiskMonth month, CancellationToken ct)
    {
        var key = month.ToString();
        return db.Snapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Month == key, ct);
    }

    public async Task<List<SnapshotRow>> SnapshotsAsync(IReadOnlyCollection<string> months, CancellationToken ct) =>
        await db.Snapshots.AsNoTracking().Where(s => months.Contains(s.Month)).ToListAsync(ct);

    public async Task<List<string>> PublishedMonthsAsync(CancellationToken ct) =>
        await db.Snapshots.AsNoTracking().OrderByDescending(s => s.Month).Select(s => s.Month).ToListAsync(ct);
}

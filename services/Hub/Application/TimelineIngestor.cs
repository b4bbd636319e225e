using EducationHub.Contracts.V1;
using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Application;

/// <summary>
/// Applies a batch of events to the timeline in one transaction, skipping ones already stored.
/// Used to load history in bulk (the demo seed and the benchmark); live events arrive through
/// the consumers. Same mapping, same idempotency key (the event id).
/// </summary>
public sealed class TimelineIngestor(HubDbContext db, TimeProvider clock)
{
    public async Task<int> IngestAsync(IReadOnlyList<IIntegrationEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.EventId).ToList();
        var known = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
            known.UnionWith(await db.Timeline.AsNoTracking().Where(t => chunk.Contains(t.EventId)).Select(t => t.EventId).ToListAsync(ct));
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var evt in events.OrderBy(e => e.OccurredAt))
        {
            if (evt is SchoolRegistered registered && registered.Urn is not null)
                await SchoolRegister.UpsertAsync(db, registered, ct);
            if (!known.Add(evt.EventId) || EventMapper.ToEntry(evt) is not { } entry) continue;
            db.Timeline.Add(RowMapping.ToRow(entry, now));
            added++;
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }
}

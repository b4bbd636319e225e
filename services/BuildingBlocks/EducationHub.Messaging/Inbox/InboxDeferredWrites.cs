using Microsoft.EntityFrameworkCore;

namespace EducationHub.Messaging.Inbox;

/// <summary>
/// The deferred writes of one unit of application (a message applied alone, or a group-commit
/// batch): one instance of each write type, flushed together in the order first used.
/// </summary>
internal sealed class InboxDeferredWrites<TContext>
    where TContext : DbContext
{
    private readonly List<IInboxDeferredWrite<TContext>> _writes = [];

    public TWrite Get<TWrite>()
        where TWrite : class, IInboxDeferredWrite<TContext>, new()
    {
        foreach (var write in _writes)
        {
            if (write is TWrite existing)
                return existing;
        }
        var created = new TWrite();
        _writes.Add(created);
        return created;
    }

    /// <summary>Flushes the deferred writes, then SaveChanges: what "saving" a message or a batch means.</summary>
    public async Task SaveAsync(TContext db, CancellationToken ct)
    {
        foreach (var write in _writes)
            await write.FlushAsync(db, ct);
        _writes.Clear();
        await db.SaveChangesAsync(ct);
    }
}

using EducationHub.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// The dispatcher's queries. A batch is claimed by writing a fresh token and a lease expiry onto
/// pending rows, so several instances never publish the same row at once and a crashed
/// instance's rows come back when its lease runs out. Rows handed off within the writing process
/// (<see cref="OutboxHandOff"/>) are written with that process's dispatcher's token and lease.
/// </summary>
internal static class OutboxStore
{
    // Parameters: {0} token, {1} lease end, {2} now, {3} batch size. PostgreSQL adds SKIP LOCKED, so
    // concurrent dispatchers take disjoint rows instead of queueing behind each other; SQLite has a
    // single writer, so the one UPDATE is atomic without it.
    private const string ClaimSql = """
        UPDATE outbox_messages SET locked_by = {0}, locked_until = {1}
        WHERE id IN (
            SELECT id FROM outbox_messages
            WHERE delivered_at IS NULL AND (locked_until IS NULL OR locked_until < {2})
            ORDER BY created_at
            LIMIT {3}
            /* row locks */)
        RETURNING *
        """;

    private const string RowLocksMarker = "/* row locks */";

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending rows, oldest first, and returns them: one
    /// <c>UPDATE ... RETURNING</c> round trip on both providers (it was an UPDATE and then a SELECT
    /// of the claimed rows).
    /// </summary>
    public static async Task<List<OutboxMessage>> ClaimAsync(DbContext db, Guid token, int batchSize, TimeSpan lease, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var until = now + lease;
        var sql = ClaimSql.Replace(RowLocksMarker, db.Database.IsPostgreSql() ? "FOR UPDATE SKIP LOCKED" : "", StringComparison.Ordinal);
        // Not composable (an UPDATE), so no OrderBy in SQL: RETURNING gives no order, sort here.
        var batch = await db.Set<OutboxMessage>().FromSqlRaw(sql, token, until, now, batchSize).AsNoTracking().ToListAsync(ct);
        batch.Sort(static (a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return batch;
    }

    /// <summary>
    /// Marks published rows held under <paramref name="token"/> delivered: one statement for a
    /// claimed or handed-off batch, or for the published part of a batch some of whose publishes failed.
    /// </summary>
    public static Task MarkDeliveredAsync(DbContext db, Guid token, List<Guid> ids, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        return db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.LockedBy == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeliveredAt, now)
                .SetProperty(m => m.LockedBy, (Guid?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    /// <summary>Gives a failed row back, not before <paramref name="retryAt"/>.</summary>
    public static Task ReleaseAsync(DbContext db, Guid token, Guid id, DateTime retryAt, string error, CancellationToken ct)
    {
        var trimmed = error.Length > 2000 ? error[..2000] : error;
        return db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.LockedBy == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, (Guid?)null)
                .SetProperty(m => m.LockedUntil, retryAt)
                .SetProperty(m => m.LastError, trimmed)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    /// <summary>
    /// Deletes expired rows in chunks of <see cref="OutboxOptions.CleanupBatchSize"/>, each its own
    /// statement: the first clean-up after a long stop can face days of rows, and one DELETE of them
    /// all would hold SQLite's single write lock (and PostgreSQL's row locks) long enough to time out
    /// the service's own writes.
    /// </summary>
    public static async Task<(int Outbox, int Inbox)> CleanupAsync(DbContext db, OutboxOptions options, CancellationToken ct)
    {
        var deliveredBefore = DateTime.UtcNow - options.DeliveredRetention;
        var processedBefore = DateTime.UtcNow - options.InboxRetention;
        var chunk = Math.Max(1, options.CleanupBatchSize);
        var outbox = await DeleteInChunksAsync(chunk, () => db.Set<OutboxMessage>()
            .Where(m => m.DeliveredAt != null && m.DeliveredAt < deliveredBefore)
            .OrderBy(m => m.Id).Take(chunk)
            .ExecuteDeleteAsync(ct));
        var inbox = await DeleteInChunksAsync(chunk, () => db.Set<InboxMessage>()
            .Where(m => m.ProcessedAt < processedBefore)
            .OrderBy(m => m.MessageId).Take(chunk)
            .ExecuteDeleteAsync(ct));
        return (outbox, inbox);
    }

    private static async Task<int> DeleteInChunksAsync(int chunk, Func<Task<int>> deleteChunk)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteChunk();
            total += deleted;
        }
        while (deleted == chunk);
        return total;
    }
}

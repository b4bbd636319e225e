using Microsoft.EntityFrameworkCore;

namespace EducationHub.Messaging.Inbox;

/// <summary>
/// Records, inside the consumer's open transaction, that a message is being applied; false when it
/// already was. The inbox row is the first write of the transaction, so a concurrent delivery of
/// the same message waits on its key and then sees it taken (or free, if the first rolled back).
/// </summary>
internal static class InboxClaim
{
    public static async Task<bool> TryClaimAsync(DbContext db, Guid messageId, string consumer, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            // One statement instead of a look-up plus an insert: the consumer's round trips to
            // PostgreSQL bound its throughput (bench/messaging/RESULTS.md).
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO inbox_messages (message_id, consumer, processed_at)
                VALUES ({messageId}, {consumer}, {now})
                ON CONFLICT DO NOTHING
                """, ct);
            return inserted == 1;
        }

        // SQLite (one writer, no round trips): the model's own mapping, so keys are stored exactly
        // as EF stores Guids there.
        if (await db.Set<InboxMessage>().AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct))
            return false;
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = now });
        return true;
    }
}

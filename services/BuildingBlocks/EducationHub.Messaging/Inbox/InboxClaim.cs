using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EducationHub.Messaging.Inbox;

/// <summary>
/// Records, inside the consumer's open transaction, that a message is being applied; false when it
/// already was. The inbox row is the first write of the transaction, so a concurrent delivery of
/// the same message waits on its key and then sees it taken (or free, if the first rolled back).
/// </summary>
internal static class InboxClaim
{
    /// <summary>Whether <see cref="TryClaimAllAsync"/> can claim a whole batch in one statement (PostgreSQL).</summary>
    public static bool CanClaimBatch(DbContext db) => db.Database.IsPostgreSql();

    /// <summary>
    /// Claims every key of a group-commit batch in one statement inside the open transaction;
    /// element i is false when key i was already applied (or appears earlier in the same batch).
    /// Profiling showed the batch's per-message claim round trips serialising the consumer
    /// (bench/messaging/RESULTS.md). Plain ADO.NET: EF's raw-SQL path costs more than the statement.
    /// </summary>
    public static async Task<bool[]> TryClaimAllAsync(DbContext db, IReadOnlyList<(Guid MessageId, string Consumer)> keys, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch is claimed inside its transaction.");
        command.CommandText = """
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT k.message_id, k.consumer, @now FROM unnest(@ids, @consumers) AS k(message_id, consumer)
            ON CONFLICT DO NOTHING
            RETURNING message_id, consumer
            """;
        AddParameter(command, "now", DateTime.UtcNow);
        AddParameter(command, "ids", keys.Select(k => k.MessageId).ToArray());
        AddParameter(command, "consumers", keys.Select(k => k.Consumer).ToArray());

        var inserted = new HashSet<(Guid, string)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                inserted.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        // A key twice in one batch is inserted once: the first occurrence claims it.
        return keys.Select(k => inserted.Remove(k)).ToArray();
    }

    public static async Task<bool> TryClaimAsync(DbContext db, Guid messageId, string consumer, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        if (db.Database.IsPostgreSql())
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
        if (await IsAppliedAsync(db, messageId, consumer, ct))
            return false;
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = now });
        return true;
    }

    /// <summary>Whether the inbox already holds the key (committed, or claimed in this transaction).</summary>
    public static Task<bool> IsAppliedAsync(DbContext db, Guid messageId, string consumer, CancellationToken ct) =>
        db.Set<InboxMessage>().AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

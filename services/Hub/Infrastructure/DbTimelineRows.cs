using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// The timeline's rows through a plain ADO.NET reader (PostgreSQL: Npgsql sends UUIDs, dates and
/// integers in binary). The short text columns are read as their UTF-8 bytes into one buffer
/// (Npgsql's <c>GetBytes</c> on a text column) and looked up in a <see cref="StringPool"/>: a new
/// string per value was about 230 MB per million rows, for a few hundred distinct values, at the
/// same reading CPU (measured: bench/hub/RESULTS.md).
/// </summary>
internal static class DbTimelineRows
{
    public static async IAsyncEnumerable<TimelineEntry> ReadAsync(DbConnection connection, string sql, long receivedByMs,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@receivedBy";
        parameter.Value = receivedByMs;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var pool = new StringPool();
        var buffer = new byte[StringPool.MaxLength + 1];
        while (await reader.ReadAsync(ct))
            yield return Entry(reader, pool, buffer);
    }

    // Column order: TimelineBySchoolReader's query.
    private static TimelineEntry Entry(DbDataReader r, StringPool pool, byte[] buffer) => new(
        r.GetGuid(0), r.GetInt32(1), (TimelineKind)r.GetInt32(2), RowMapping.FromMs(r.GetInt64(3)), PooledAt(r, 4, pool, buffer) ?? "",
        SourceId: r.IsDBNull(5) ? null : r.GetGuid(5),
        RelatedId: r.IsDBNull(6) ? null : r.GetGuid(6),
        Category: PooledAt(r, 7, pool, buffer),
        Level: PooledAt(r, 8, pool, buffer),
        Detail: PooledAt(r, 9, pool, buffer),
        Organisation: PooledAt(r, 10, pool, buffer),
        Score: r.IsDBNull(11) ? null : r.GetInt32(11),
        Date: r.IsDBNull(12) ? null : r.GetFieldValue<DateOnly>(12),
        ModelVersion: PooledAt(r, 13, pool, buffer),
        Reasons: r.IsDBNull(14) ? null : new JsonListOnDemand<HardReason>(r.GetString(14)),
        RelatedIds: r.IsDBNull(15) ? null : JsonSerializer.Deserialize<List<Guid>>(r.GetString(15)),
        Flag: r.GetBoolean(16));

    // A buffer one byte longer than the pool's limit: a value that fills it is too long to pool and is read as a string.
    private static string? PooledAt(DbDataReader r, int i, StringPool pool, byte[] buffer)
    {
        if (r.IsDBNull(i)) return null;
        var length = (int)r.GetBytes(i, 0, buffer, 0, buffer.Length);
        return length < buffer.Length ? pool.Get(buffer.AsSpan(0, length)) : r.GetString(i);
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Infrastructure;

/// <summary>The timeline's rows through a plain ADO.NET reader (PostgreSQL: Npgsql sends UUIDs, dates and integers in binary).</summary>
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
        while (await reader.ReadAsync(ct))
            yield return Entry(reader);
    }

    // Column order: TimelineBySchoolReader's query.
    private static TimelineEntry Entry(DbDataReader r) => new(
        r.GetGuid(0), r.GetInt32(1), (TimelineKind)r.GetInt32(2), RowMapping.FromMs(r.GetInt64(3)), r.GetString(4),
        SourceId: r.IsDBNull(5) ? null : r.GetGuid(5),
        RelatedId: r.IsDBNull(6) ? null : r.GetGuid(6),
        Category: r.IsDBNull(7) ? null : r.GetString(7),
        Level: r.IsDBNull(8) ? null : r.GetString(8),
        Detail: r.IsDBNull(9) ? null : r.GetString(9),
        Organisation: r.IsDBNull(10) ? null : r.GetString(10),
        Score: r.IsDBNull(11) ? null : r.GetInt32(11),
        Date: r.IsDBNull(12) ? null : r.GetFieldValue<DateOnly>(12),
        ModelVersion: r.IsDBNull(13) ? null : r.GetString(13),
        Reasons: r.IsDBNull(14) ? null : new JsonListOnDemand<HardReason>(r.GetString(14)),
        RelatedIds: r.IsDBNull(15) ? null : JsonSerializer.Deserialize<List<Guid>>(r.GetString(15)),
        Flag: r.GetBoolean(16));
}

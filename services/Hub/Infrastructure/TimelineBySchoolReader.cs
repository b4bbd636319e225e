using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EducationHub.Hub.Domain;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// Streams the timeline one school at a time with a forward-only reader ordered by URN, so a
/// month's list never holds more than one school's timeline (plus the few schools whose history
/// merges across URNs). Yields the same timelines, in the same order within a school, as
/// <see cref="TimelineIndex.Build"/> over all entries: schools that merge with predecessors are
/// collected as they pass and indexed together at the end.
/// </summary>
public static class TimelineBySchoolReader
{
    private const string Sql =
        """
        SELECT "EventId", "Urn", "Kind", "OccurredAtMs", "Producer", "SourceId", "RelatedId", "Category", "Level", "Detail",
               "Organisation", "Score", "Date", "ModelVersion", "ReasonsJson", "RelatedIdsJson", "Flag"
        FROM hub_timeline WHERE "ReceivedAtMs" <= @receivedBy ORDER BY "Urn"
        """;

    /// <summary>Every school's timeline as received by <paramref name="receivedBy"/>; each school once, each list the caller's to keep.</summary>
    public static async IAsyncEnumerable<(int Urn, List<TimelineEntry> Timeline)> ReadAsync(
        HubDbContext db, DateTimeOffset receivedBy, IReadOnlyDictionary<int, SchoolInfo> schools, [EnumeratorCancellation] CancellationToken ct)
    {
        var merged = TimelineIndex.MergedUrns(schools);
        var mergedEntries = new List<TimelineEntry>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@receivedBy";
            parameter.Value = RowMapping.ToMs(receivedBy);
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);

            List<TimelineEntry>? current = null;
            var currentUrn = 0;
            while (await reader.ReadAsync(ct))
            {
                var entry = Read(reader);
                if (merged.Contains(entry.Urn))
                {
                    mergedEntries.Add(entry);
                    continue;
                }
                if (current is not null && entry.Urn != currentUrn)
                {
                    current.Sort(TimelineIndex.Chronological);
                    yield return (currentUrn, current);
                    current = null;
                }
                current ??= [];
                currentUrn = entry.Urn;
                current.Add(entry);
            }
            if (current is not null)
            {
                current.Sort(TimelineIndex.Chronological);
                yield return (currentUrn, current);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        foreach (var (urn, timeline) in TimelineIndex.Build(mergedEntries, schools))
            yield return (urn, timeline);
    }

    private static TimelineEntry Read(DbDataReader r) => new(
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

using System.Data.Common;
using System.Runtime.CompilerServices;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure.Migrations;
using Microsoft.Data.Sqlite;
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
    // Columns in the order SqliteTimelineRows and DbTimelineRows decode them.
    private const string Select =
        """
        SELECT "EventId", "Urn", "Kind", "OccurredAtMs", "Producer", "SourceId", "RelatedId", "Category", "Level", "Detail",
               "Organisation", "Score", "Date", "ModelVersion", "ReasonsJson", "RelatedIdsJson", "Flag"
        FROM hub_timeline WHERE "ReceivedAtMs" <= @receivedBy
        """;

    private const string InSchoolOrder = " ORDER BY \"Urn\", \"OccurredAtMs\", \"EventId\"";

    // SQLite stores the table in this order.
    private const string Sql = Select + InSchoolOrder;

    // PostgreSQL: the rows its covering index holds (an index-only scan in this order), and the
    // rare rows too long for it (see TimelineStoredBySchool), read separately and merged in.
    private static readonly string CoveredSql =
        $"{Select} AND {TimelineStoredBySchool.RowTextBytes} <= {TimelineStoredBySchool.MaxCoveredTextBytes}{InSchoolOrder}";
    private static readonly string OversizedSql =
        $"{Select} AND {TimelineStoredBySchool.RowTextBytes} > {TimelineStoredBySchool.MaxCoveredTextBytes}{InSchoolOrder}";

    /// <summary>Every school's timeline as received by <paramref name="receivedBy"/>; each school once, each list the caller's to keep.</summary>
    public static async IAsyncEnumerable<(int Urn, List<TimelineEntry> Timeline)> ReadAsync(
        HubDbContext db, DateTimeOffset receivedBy, IReadOnlyDictionary<int, SchoolInfo> schools, [EnumeratorCancellation] CancellationToken ct)
    {
        var merged = TimelineIndex.MergedUrns(schools);
        var mergedEntries = new List<TimelineEntry>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            List<TimelineEntry>? current = null;
            var currentUrn = 0;
            await foreach (var entry in RowsAsync(db.Database.GetDbConnection(), RowMapping.ToMs(receivedBy), ct))
            {
                if (merged.Contains(entry.Urn))
                {
                    mergedEntries.Add(entry);
                    continue;
                }
                if (current is not null && entry.Urn != currentUrn)
                {
                    InTimelineOrder(current);
                    yield return (currentUrn, current);
                    current = null;
                }
                current ??= [];
                currentUrn = entry.Urn;
                current.Add(entry);
            }
            if (current is not null)
            {
                InTimelineOrder(current);
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

    /// <summary>
    /// The query's order is already the timeline's on both providers (GUIDs compare as their text
    /// and as PostgreSQL's uuid do), so this only checks; it sorts if a collation ever disagrees.
    /// </summary>
    private static void InTimelineOrder(List<TimelineEntry> timeline)
    {
        for (var i = 1; i < timeline.Count; i++)
        {
            if (TimelineIndex.Chronological(timeline[i - 1], timeline[i]) <= 0) continue;
            timeline.Sort(TimelineIndex.Chronological);
            return;
        }
    }

    private static async IAsyncEnumerable<TimelineEntry> RowsAsync(DbConnection connection, long receivedByMs, [EnumeratorCancellation] CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            foreach (var entry in SqliteTimelineRows.Read(sqlite, Sql, receivedByMs, ct))
                yield return entry;
            yield break;
        }
        // Oversized rows are few (each is over 2 KB of text), so they are held while the covered
        // rows stream past and each goes in before the first covered row that follows it.
        var oversized = new List<TimelineEntry>();
        await foreach (var entry in DbTimelineRows.ReadAsync(connection, OversizedSql, receivedByMs, ct))
            oversized.Add(entry);
        var next = 0;
        await foreach (var entry in DbTimelineRows.ReadAsync(connection, CoveredSql, receivedByMs, ct))
        {
            while (next < oversized.Count && ComesFirst(oversized[next], entry))
                yield return oversized[next++];
            yield return entry;
        }
        while (next < oversized.Count)
            yield return oversized[next++];
    }

    // By school, then time; ties within a school are put in timeline order by InTimelineOrder.
    private static bool ComesFirst(TimelineEntry a, TimelineEntry b) =>
        a.Urn < b.Urn || (a.Urn == b.Urn && a.OccurredAt <= b.OccurredAt);
}

using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// Adds a row to the timeline unless an event with that id is already on it, in one statement
/// (SQLite and PostgreSQL both have ON CONFLICT DO NOTHING). A consumer used to ask first and
/// insert at SaveChanges: one more round trip per event, which under the inbox's group commit ran
/// once per message of every batch.
/// </summary>
public static class TimelineInsert
{
    public static Task<int> IfAbsentAsync(HubDbContext db, TimelineRow r, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO hub_timeline ("EventId", "Urn", "Kind", "OccurredAtMs", "ReceivedAtMs", "Producer", "SourceId", "RelatedId", "Category", "Level",
                                      "Detail", "Organisation", "Score", "Date", "ModelVersion", "ReasonsJson", "RelatedIdsJson", "Flag")
            VALUES ({r.EventId}, {r.Urn}, {r.Kind}, {r.OccurredAtMs}, {r.ReceivedAtMs}, {r.Producer}, {r.SourceId}, {r.RelatedId}, {r.Category}, {r.Level},
                    {r.Detail}, {r.Organisation}, {r.Score}, {r.Date}, {r.ModelVersion}, {r.ReasonsJson}, {r.RelatedIdsJson}, {r.Flag})
            ON CONFLICT ("EventId") DO NOTHING
            """, ct);
}

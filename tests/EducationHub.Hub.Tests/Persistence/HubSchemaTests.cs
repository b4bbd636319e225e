using EducationHub.Hub.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Tests.Persistence;

/// <summary>
/// The hand-written migrations build exactly the schema the EF model describes, on both providers,
/// except for the timeline's physical layout, which migration 2026112202_HubTimelineStoredBySchool
/// builds per provider on purpose and the model cannot say (TimelineStorageTests tests what it is
/// for). Those differences are listed exactly: anything else, or one of them gone, fails.
/// A migration that adds a column to a table with rows is also run on a database that has them.
/// </summary>
public abstract class HubSchemaTests(DatabaseProvider provider, IReadOnlyList<string> timelineLayout)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<HubDbContext>(provider, "hub_timeline", WithHubInterceptors, timelineLayout);

    /// <summary>
    /// Migration 2026112303 on a database that already kept replaced decisions: every kept version stays as it was
    /// and says it was replaced by a decision, the only change that was kept before.
    /// </summary>
    [Fact]
    public async Task Upgrading_keeps_the_replaced_decisions_and_marks_them_replaced_by_a_decision()
    {
        await using var database = await EmptyDatabase.CreateAsync<HubDbContext>(provider, WithHubInterceptors);
        var replacedAt = new DateTime(2026, 11, 20, 9, 15, 0, DateTimeKind.Utc);
        var kept = new[]
        {
            KeptVersion(replacedAt, done: true, "Two visits made"),
            KeptVersion(replacedAt.AddMinutes(5), done: false, null),
        };
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            db.DecisionHistory.AddRange(kept);
            await db.SaveChangesAsync();
            await BeforeReplacedByChangeAsync(db);
        }
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = database.Context())
        {
            var upgraded = (await db.DecisionHistory.AsNoTracking().ToListAsync()).OrderBy(r => r.ReplacedAt).ToList();
            Assert.Equal(kept.Select(r => (r.Id, r.DecisionId, r.Action, r.Done, r.DoneNote, r.ReplacedBy, DecisionHistoryRow.ByDecision)),
                upgraded.Select(r => (r.Id, r.DecisionId, r.Action, r.Done, r.DoneNote, r.ReplacedBy, r.ReplacedByChange)));
            Assert.Equal(kept.Select(r => r.ReplacedAt), upgraded.Select(r => DateTime.SpecifyKind(r.ReplacedAt, DateTimeKind.Utc)));
        }
    }

    /// <summary>
    /// Migration 2026112304 on a database with outcomes already recorded, in the decisions and in the kept versions: a done
    /// outcome gets its DoneAt as the time it was recorded (the only time known), a "not done" one and a decision without
    /// an outcome get none; nothing else changes.
    /// </summary>
    [Fact]
    public async Task Upgrading_gives_done_outcomes_their_done_time_as_the_time_recorded_and_others_none()
    {
        await using var database = await EmptyDatabase.CreateAsync<HubDbContext>(provider, WithHubInterceptors);
        var at = new DateTime(2026, 11, 20, 9, 15, 0, DateTimeKind.Utc);
        // Done, who recorded the outcome, DoneAt, and the time the upgrade should give it.
        var cases = new (bool Done, string? By, DateTime? DoneAt, DateTime? Expected)[]
        {
            (true, "council", at, at),
            (false, "ofsted", null, null),     // not done: no time was kept
            (false, null, null, null),         // no outcome yet
            (true, null, at.AddHours(1), null), // a done time nobody reported is not an outcome's time
        };
        var decisions = cases.Select((c, i) => Outcome(new DecisionRow { Id = Guid.NewGuid(), Urn = 990101 + i }, c, at)).ToList();
        var kept = cases.Select((c, i) => Outcome(KeptVersion(at.AddMinutes(i), c.Done, null), c, at)).ToList();
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            db.Decisions.AddRange(decisions);
            db.DecisionHistory.AddRange(kept);
            await db.SaveChangesAsync();
            await BeforeOutcomeRecordedAtAsync(db);
        }
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = database.Context())
        {
            var upgraded = (await db.Decisions.AsNoTracking().ToListAsync()).OrderBy(r => r.Urn).ToList();
            var upgradedKept = (await db.DecisionHistory.AsNoTracking().ToListAsync()).OrderBy(r => r.ReplacedAt).ToList();
            Assert.Equal(cases.Select(c => c.Expected), upgraded.Select(r => Utc(r.OutcomeRecordedAt)));
            Assert.Equal(cases.Select(c => c.Expected), upgradedKept.Select(r => Utc(r.OutcomeRecordedAt)));
            Assert.Equal(cases.Select(c => (c.Done, c.By, c.DoneAt)), upgraded.Select(r => (r.Done, r.DoneRecordedBy, Utc(r.DoneAt))));
            Assert.Equal(cases.Select(c => (c.Done, c.By, c.DoneAt)), upgradedKept.Select(r => (r.Done, r.DoneRecordedBy, Utc(r.DoneAt))));
            Assert.Equal(decisions.Select(r => r.Id), upgraded.Select(r => r.Id));
            Assert.Equal(kept.Select(r => r.Id), upgradedKept.Select(r => r.Id));
        }
    }

    // OutcomeRecordedAt is saved as a time no case expects, so what the upgrade leaves can only come from the migration.
    private static T Outcome<T>(T row, (bool Done, string? By, DateTime? DoneAt, DateTime? Expected) c, DateTime at) where T : DecisionVersion
    {
        row.Month = "2026-11";
        row.Kind = 2;
        row.OwnerOrganisation = "Council";
        row.DueOn = new DateOnly(2026, 12, 15);
        row.Action = "Leadership support";
        row.RecordedBy = "council";
        row.RecordedBySubject = "user-1";
        row.RecordedAt = at.AddDays(-1);
        (row.Done, row.DoneRecordedBy, row.DoneAt) = (c.Done, c.By, c.DoneAt);
        row.OutcomeRecordedAt = at.AddDays(-7);
        return row;
    }

    /// <summary>The options the hub registers its context with, outside a host (the version bumped is this database's alone).</summary>
    private static void WithHubInterceptors(DbContextOptionsBuilder options) => HubDbContext.AddHubInterceptors(options, new HubDataVersion());

    private static DateTime? Utc(DateTime? stored) => stored is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;

    /// <summary>
    /// The database as it was before migration 2026112304: neither table has the column (it is each table's last, so
    /// dropping it gives back what 2026112303 left, rows included), the migration not applied.
    /// </summary>
    private static async Task BeforeOutcomeRecordedAtAsync(HubDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE hub_decisions DROP COLUMN "OutcomeRecordedAt" """);
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE hub_decision_history DROP COLUMN "OutcomeRecordedAt" """);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '2026112304_HubDecisionOutcomeRecordedAt'""");
    }

    /// <summary>
    /// The database as it was before migration 2026112303: the history table without the column (dropping it
    /// gives back the table 2026112302 built, later columns aside, rows included), the migration not applied.
    /// </summary>
    private static async Task BeforeReplacedByChangeAsync(HubDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE hub_decision_history DROP COLUMN "ReplacedByChange" """);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '2026112303_HubDecisionHistoryReplacedByChange'""");
    }

    // Saved as "outcome" before the column is dropped, so "decision" after the upgrade can only come from the migration.
    private static DecisionHistoryRow KeptVersion(DateTime replacedAt, bool done, string? note) => new()
    {
        Id = Guid.NewGuid(), DecisionId = Guid.NewGuid(), Month = "2026-11", Urn = 990101, Kind = 2, OwnerOrganisation = "Council",
        DueOn = new DateOnly(2026, 12, 15), Action = "Leadership support", RecordedBy = "council", RecordedBySubject = "user-1",
        RecordedAt = replacedAt.AddDays(-1), Done = done, DoneNote = note, DoneAt = done ? replacedAt.AddHours(-1) : null,
        DoneRecordedBy = done ? "council" : null, ReplacedAt = replacedAt, ReplacedBy = "ofsted", ReplacedBySubject = "user-2",
        ReplacedByChange = DecisionHistoryRow.ByOutcome,
    };
}

/// <summary>
/// SQLite: a WITHOUT ROWID table keyed (Urn, OccurredAtMs, EventId), so stored in school order;
/// EventId stays unique through an index; the (Urn, OccurredAtMs) index is then the key's prefix.
/// </summary>
public sealed class SqliteHubSchemaTests() : HubSchemaTests(DatabaseProvider.Sqlite,
[
    "- column hub_timeline.EventId TEXT NOT NULL pk=1 ",
    "- column hub_timeline.OccurredAtMs INTEGER NOT NULL pk=0 ",
    "- column hub_timeline.Urn INTEGER NOT NULL pk=0 ",
    "- index hub_timeline.IX_hub_timeline_Urn_OccurredAtMs (Urn, OccurredAtMs)",
    "+ column hub_timeline.EventId TEXT NOT NULL pk=3 ",
    "+ column hub_timeline.OccurredAtMs INTEGER NOT NULL pk=2 ",
    "+ column hub_timeline.Urn INTEGER NOT NULL pk=1 ",
    "+ index hub_timeline.IX_hub_timeline_EventId (EventId) UNIQUE",
]);

/// <summary>PostgreSQL: the model's table and indexes, plus the two partial indexes in school order.</summary>
public sealed class PostgresHubSchemaTests() : HubSchemaTests(DatabaseProvider.PostgreSql,
[
    """+ index hub_timeline.IX_hub_timeline_BySchool CREATE INDEX "IX_hub_timeline_BySchool" ON public.hub_timeline USING btree ("Urn", "OccurredAtMs", "EventId") INCLUDE (""",
    """+ index hub_timeline.IX_hub_timeline_BySchool_Oversized CREATE INDEX "IX_hub_timeline_BySchool_Oversized" ON public.hub_timeline USING btree ("Urn", "OccurredAtMs", "EventId") WHERE """,
]);

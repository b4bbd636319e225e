using EducationHub.Hub.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;

namespace EducationHub.Hub.Tests.Persistence;

/// <summary>
/// The hand-written migrations build exactly the schema the EF model describes, on both providers,
/// except for the timeline's physical layout, which migration 2026112202_HubTimelineStoredBySchool
/// builds per provider on purpose and the model cannot say (TimelineStorageTests tests what it is
/// for). Those differences are listed exactly: anything else, or one of them gone, fails.
/// </summary>
public abstract class HubSchemaTests(DatabaseProvider provider, IReadOnlyList<string> timelineLayout)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<HubDbContext>(provider, "hub_timeline", HubDbContext.AddHubInterceptors, timelineLayout);
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

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>
/// Lets the month build read the timeline in (Urn, OccurredAtMs, EventId) order without a lookup
/// per row. The (Urn, OccurredAtMs) index gave that order, but each row then came from wherever it
/// had been inserted: a random read per row, most of the build's time on both providers.
/// SQLite: the table itself is stored in that order (a WITHOUT ROWID table with that primary key;
/// EventId stays unique through an index, which the consumers' ON CONFLICT ("EventId") needs).
/// PostgreSQL has no clustered tables, so the index carries every other column and the build is
/// an index-only scan (heap rows are visited only for pages vacuum has not yet marked all-visible).
/// Columns, names and types are unchanged; rows are copied, not converted.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112202_HubTimelineStoredBySchool")]
public sealed class TimelineStoredBySchool : Migration
{
    private const string Columns =
        """
        "EventId", "Urn", "Kind", "OccurredAtMs", "ReceivedAtMs", "Producer", "SourceId", "RelatedId", "Category", "Level",
        "Detail", "Organisation", "Score", "Date", "ModelVersion", "ReasonsJson", "RelatedIdsJson", "Flag"
        """;

    private const string IncludedColumns =
        """
        "ReceivedAtMs", "Kind", "Producer", "SourceId", "RelatedId", "Category", "Level", "Detail", "Organisation", "Score",
        "Date", "ModelVersion", "ReasonsJson", "RelatedIdsJson", "Flag"
        """;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (IsSqlite(migrationBuilder))
        {
            migrationBuilder.Sql(SqliteTable("hub_timeline_by_school", """CONSTRAINT "PK_hub_timeline" PRIMARY KEY ("Urn", "OccurredAtMs", "EventId")""", " WITHOUT ROWID"));
            migrationBuilder.Sql($"""INSERT INTO hub_timeline_by_school ({Columns}) SELECT {Columns} FROM hub_timeline ORDER BY "Urn", "OccurredAtMs", "EventId";""");
            migrationBuilder.Sql("DROP TABLE hub_timeline;");
            migrationBuilder.Sql("ALTER TABLE hub_timeline_by_school RENAME TO hub_timeline;");
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_hub_timeline_EventId" ON hub_timeline ("EventId");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_hub_timeline_ReceivedAtMs" ON hub_timeline ("ReceivedAtMs");""");
            return;
        }
        migrationBuilder.Sql("""DROP INDEX "IX_hub_timeline_Urn_OccurredAtMs";""");
        migrationBuilder.Sql($"""CREATE INDEX "IX_hub_timeline_BySchool" ON hub_timeline ("Urn", "OccurredAtMs", "EventId") INCLUDE ({IncludedColumns});""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (IsSqlite(migrationBuilder))
        {
            migrationBuilder.Sql(SqliteTable("hub_timeline_by_insertion", null, ""));
            migrationBuilder.Sql($"""INSERT INTO hub_timeline_by_insertion ({Columns}) SELECT {Columns} FROM hub_timeline;""");
            migrationBuilder.Sql("DROP TABLE hub_timeline;");
            migrationBuilder.Sql("ALTER TABLE hub_timeline_by_insertion RENAME TO hub_timeline;");
            migrationBuilder.Sql("""CREATE INDEX "IX_hub_timeline_Urn_OccurredAtMs" ON hub_timeline ("Urn", "OccurredAtMs");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_hub_timeline_ReceivedAtMs" ON hub_timeline ("ReceivedAtMs");""");
            return;
        }
        migrationBuilder.Sql("""DROP INDEX "IX_hub_timeline_BySchool";""");
        migrationBuilder.Sql("""CREATE INDEX "IX_hub_timeline_Urn_OccurredAtMs" ON hub_timeline ("Urn", "OccurredAtMs");""");
    }

    private static bool IsSqlite(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The timeline's columns as the initial migration created them on SQLite, with the given key.</summary>
    private static string SqliteTable(string name, string? primaryKey, string options) =>
        $"""
        CREATE TABLE "{name}" (
            "EventId" TEXT NOT NULL{(primaryKey is null ? """ CONSTRAINT "PK_hub_timeline" PRIMARY KEY""" : "")},
            "Urn" INTEGER NOT NULL,
            "Kind" INTEGER NOT NULL,
            "OccurredAtMs" INTEGER NOT NULL,
            "ReceivedAtMs" INTEGER NOT NULL,
            "Producer" TEXT NOT NULL,
            "SourceId" TEXT NULL,
            "RelatedId" TEXT NULL,
            "Category" TEXT NULL,
            "Level" TEXT NULL,
            "Detail" TEXT NULL,
            "Organisation" TEXT NULL,
            "Score" INTEGER NULL,
            "Date" TEXT NULL,
            "ModelVersion" TEXT NULL,
            "ReasonsJson" TEXT NULL,
            "RelatedIdsJson" TEXT NULL,
            "Flag" INTEGER NOT NULL{(primaryKey is null ? "" : ",\n    " + primaryKey)}
        ){options};
        """;
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>
/// Lets the month build read the timeline in (Urn, OccurredAtMs, EventId) order without a lookup
/// per row. The (Urn, OccurredAtMs) index gave that order, but each row then came from wherever it
/// had been inserted: a random read per row, most of the build's time on both providers.
/// SQLite: the table itself is stored in that order (a WITHOUT ROWID table with that primary key;
/// EventId stays unique through an index, which the consumers' ON CONFLICT ("EventId") needs).
/// PostgreSQL has no clustered tables, so an index carries every other column and the build is
/// an index-only scan (heap rows are visited only for pages vacuum has not yet marked all-visible).
/// A B-tree entry must fit in a third of a page (2,704 bytes), and some rows are longer (a
/// complaint campaign lists every complaint id; a risk assessment its reasons): with every row in
/// the covering index such an event could never be stored. So the covering index is partial (rows
/// whose text fits, <see cref="RowTextBytes"/> at most <see cref="MaxCoveredTextBytes"/>), the rare
/// longer rows get a small index of their own, and the (Urn, OccurredAtMs) index stays for the
/// per-school look-ups, which cannot use a partial index. Columns, names and types are unchanged;
/// rows are copied, not converted.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112202_HubTimelineStoredBySchool")]
public sealed class TimelineStoredBySchool : Migration
{
    /// <summary>
    /// The bytes of a row's text columns. The month build's PostgreSQL queries repeat it exactly
    /// (the planner uses a partial index only when the query's condition matches its predicate):
    /// changing it needs a new migration.
    /// </summary>
    public const string RowTextBytes =
        """
        (octet_length("Producer") + coalesce(octet_length("Category"), 0) + coalesce(octet_length("Level"), 0)
         + coalesce(octet_length("Detail"), 0) + coalesce(octet_length("Organisation"), 0) + coalesce(octet_length("ModelVersion"), 0)
         + coalesce(octet_length("ReasonsJson"), 0) + coalesce(octet_length("RelatedIdsJson"), 0))
        """;

    /// <summary>
    /// Text bytes a covered row may have: with the key, the fixed-size columns, the headers and the
    /// padding (under 200 bytes) an entry stays below PostgreSQL's 2,704-byte B-tree limit.
    /// </summary>
    public const int MaxCoveredTextBytes = 2400;

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
        migrationBuilder.Sql($"""
            CREATE INDEX "IX_hub_timeline_BySchool" ON hub_timeline ("Urn", "OccurredAtMs", "EventId") INCLUDE ({IncludedColumns})
            WHERE {RowTextBytes} <= {MaxCoveredTextBytes};
            """);
        migrationBuilder.Sql($"""
            CREATE INDEX "IX_hub_timeline_BySchool_Oversized" ON hub_timeline ("Urn", "OccurredAtMs", "EventId")
            WHERE {RowTextBytes} > {MaxCoveredTextBytes};
            """);
        // Without statistics on the expression the planner guesses a third of the rows are
        // oversized and may scan the whole table for them.
        migrationBuilder.Sql($"""CREATE STATISTICS hub_timeline_row_text_bytes ON {RowTextBytes} FROM hub_timeline;""");
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
        migrationBuilder.Sql("DROP STATISTICS hub_timeline_row_text_bytes;");
        migrationBuilder.Sql("""DROP INDEX "IX_hub_timeline_BySchool_Oversized";""");
        migrationBuilder.Sql("""DROP INDEX "IX_hub_timeline_BySchool";""");
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

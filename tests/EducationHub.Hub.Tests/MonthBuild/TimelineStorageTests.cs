using System.Text.Json;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using EducationHub.Hub.Infrastructure.Migrations;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>
/// The timeline stored by school (migration 2026112202): upgrading a database that already has
/// timeline rows keeps every row and value; the new layout is really there (the month build's
/// speed depends on it); the consumers' ON CONFLICT ("EventId") still finds its unique key; and
/// the month build's own decoding of rows gives exactly the entries EF Core reads, in timeline order.
/// </summary>
public class TimelineStorageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public Task On_SQLite_upgrading_keeps_every_row_and_stores_the_timeline_in_school_order() =>
        UpgradeAsync(new Dictionary<string, string?>(), sqlite: true);

    [Fact]
    public async Task On_PostgreSQL_upgrading_keeps_every_row_and_covers_the_school_order_with_an_index()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync("ehub_hub_storage");
        await UpgradeAsync(new Dictionary<string, string?> { ["ConnectionStrings:hub"] = pg.ConnectionString }, sqlite: false);
    }

    [Fact]
    public Task On_SQLite_the_month_build_decodes_rows_as_EF_Core_does_in_timeline_order() =>
        DecodeAsync(new Dictionary<string, string?>());

    [Fact]
    public async Task On_PostgreSQL_the_month_build_decodes_rows_as_EF_Core_does_in_timeline_order()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync("ehub_hub_decode");
        await DecodeAsync(new Dictionary<string, string?> { ["ConnectionStrings:hub"] = pg.ConnectionString });
    }

    private static async Task UpgradeAsync(Dictionary<string, string?> settings, bool sqlite)
    {
        await using var host = await StartAsync(settings);
        var rows = EdgeRows().Concat(MixedAuthority.Build(Now).Timeline).ToList();
        using (var scope = host.Services.CreateScope())
        {
            // A database as the first migration left it, with rows in it, then migrated as start-up would.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await BackToInitialTimelineAsync(db);
            Assert.False(await StoredBySchoolAsync(db, sqlite));
            db.Timeline.AddRange(rows);
            await db.SaveChangesAsync();
            await db.GetService<IMigrator>().MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await StoredBySchoolAsync(db, sqlite));
        }

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var stored = await db.Timeline.AsNoTracking().ToListAsync();
            Assert.Equal(Json(rows.OrderBy(r => r.EventId)), Json(stored.OrderBy(r => r.EventId)));

            // The consumers' own insert: a repeated event id changes nothing, a new one is added.
            var again = rows[0];
            Assert.Equal(0, await TimelineInsert.IfAbsentAsync(db, [again], CancellationToken.None));
            Assert.Equal(1, await TimelineInsert.IfAbsentAsync(db,
                [new TimelineRow { EventId = Guid.NewGuid(), Urn = again.Urn, OccurredAtMs = again.OccurredAtMs, Producer = "test" }], CancellationToken.None));
            Assert.Equal(rows.Count + 1, await db.Timeline.CountAsync());
        }
    }

    private static async Task DecodeAsync(Dictionary<string, string?> settings)
    {
        await using var host = await StartAsync(settings);
        var (schools, timeline, _) = MixedAuthority.Build(Now);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Schools.AddRange(schools);
            db.Timeline.AddRange(timeline.Concat(EdgeRows()));
            await db.SaveChangesAsync();
        }

        using (var scope = host.Services.CreateScope())
        {
            var read = scope.ServiceProvider.GetRequiredService<HubReadModel>();
            var register = await read.SchoolsAsync(CancellationToken.None);
            var reference = TimelineIndex.Build(await read.TimelineAsync(Now, CancellationToken.None), register);
            var streamed = new Dictionary<int, List<TimelineEntry>>();
            await foreach (var (urn, entries) in read.TimelineBySchoolAsync(Now, register, CancellationToken.None))
                streamed.Add(urn, entries);
            Assert.Equal(reference.Keys.Order(), streamed.Keys.Order());
            foreach (var (urn, entries) in reference)
                Assert.Equal(Json(entries), Json(streamed[urn]));

            // The query's own order is the timeline's (the build relies on it rather than sorting):
            // same instants with ids that differ in every part, including bytes above 0x7F.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var ordered = await db.Database.SqlQueryRaw<OrderKey>("""SELECT "Urn", "OccurredAtMs", "EventId" FROM hub_timeline ORDER BY "Urn", "OccurredAtMs", "EventId" """)
                .ToListAsync();
            var expected = ordered.OrderBy(r => r.Urn).ThenBy(r => r.OccurredAtMs).ThenBy(r => r.EventId).ToList();
            Assert.Equal(expected, ordered);
        }
    }

    private static Task<TestServiceHost> StartAsync(Dictionary<string, string?> settings) =>
        TestServiceHost.StartAsync(b =>
        {
            b.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
            b.AddHub();
        }, a => a.MapHub(), settings, serviceName: "hub");

    /// <summary>Values a row decoder can get wrong: NULL against empty or zero, ties in time, GUID bytes with the top bit set, JSON columns.</summary>
    private static IEnumerable<TimelineRow> EdgeRows()
    {
        const int urn = MixedAuthority.FirstUrn + 3;
        var at = Now.AddDays(-3).ToUnixTimeMilliseconds();
        Guid Id(byte first, byte middle, byte last) => new([first, 0x11, 0x22, 0x33, 0x44, middle, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, last]);
        yield return new TimelineRow { EventId = Id(0xF0, 0x01, 0x01), Urn = urn, Kind = (int)TimelineKind.SchoolRiskAssessed, OccurredAtMs = at, ReceivedAtMs = at, Producer = "schoolrisk",
            Score = 0, Level = "", Category = "", Date = new DateOnly(2026, 1, 9), ModelVersion = "risk-2.1", ReasonsJson = """[{"Code":"ofsted","Description":"Inadequate – é","Contribution":12.5}]""" };
        yield return new TimelineRow { EventId = Id(0x0F, 0xFF, 0x02), Urn = urn, Kind = (int)TimelineKind.ComplaintCampaignDetected, OccurredAtMs = at, ReceivedAtMs = at, Producer = "complaints",
            SourceId = Id(0x80, 0x00, 0x03), RelatedIdsJson = JsonSerializer.Serialize(new List<Guid> { Id(0x01, 0x02, 0x03), Id(0xFE, 0xFD, 0xFC) }), Flag = true };
        yield return new TimelineRow { EventId = Id(0x0F, 0x00, 0x04), Urn = urn, Kind = (int)TimelineKind.PartnerSignalSubmitted, OccurredAtMs = at, ReceivedAtMs = at, Producer = "schoolrisk",
            SourceId = Id(0x7F, 0x80, 0x05), RelatedId = Id(0x81, 0x7F, 0x06), Organisation = "Ofsted", Level = "high", Detail = new string('x', 300), Score = -4 };
        // Short texts at the readers' string pool's limit (StringPool.MaxLength UTF-8 bytes) and one byte over it, non-ASCII.
        yield return new TimelineRow { EventId = Id(0x0F, 0x00, 0x0A), Urn = urn, Kind = (int)TimelineKind.PartnerSignalSubmitted, OccurredAtMs = at + 1, ReceivedAtMs = at, Producer = "schoolrisk",
            Organisation = new string('o', StringPool.MaxLength), Detail = "é" + new string('d', StringPool.MaxLength - 1), Level = "Inadequate – é", Category = "ofsted-visit" };
        // Rows longer than a PostgreSQL index entry may be (2,704 bytes): a campaign of 300
        // complaints and an assessment with many long reasons, one of them tied in time with the
        // short rows above, the other alone at the end of its school's timeline.
        yield return new TimelineRow { EventId = Id(0x10, 0x20, 0x07), Urn = urn, Kind = (int)TimelineKind.ComplaintCampaignDetected, OccurredAtMs = at, ReceivedAtMs = at, Producer = "complaints",
            SourceId = Id(0x20, 0x30, 0x08), Category = "curriculum",
            RelatedIdsJson = JsonSerializer.Serialize(Enumerable.Range(0, 300).Select(i => Id((byte)i, (byte)(i * 7), (byte)(255 - i))).ToList()) };
        yield return new TimelineRow { EventId = Id(0xA0, 0xB0, 0x09), Urn = urn, Kind = (int)TimelineKind.SchoolRiskAssessed, OccurredAtMs = at + 60_000, ReceivedAtMs = at, Producer = "schoolrisk",
            Score = 71, Level = "high", Date = new DateOnly(2026, 11, 1), ModelVersion = "risk-2.1",
            ReasonsJson = JsonSerializer.Serialize(Enumerable.Range(0, 40).Select(i => new { Code = $"reason-{i}", Description = $"Reason {i}: " + new string('r', 120), Contribution = 40.0 - i })) };
    }

    /// <summary>
    /// The timeline table exactly as the initial migration creates it (its own operations, run
    /// through the provider's SQL generator), and the later migration not applied. EF cannot
    /// migrate down to the initial migration by id: the hub's ids are not EF's 14-digit form.
    /// </summary>
    private static async Task BackToInitialTimelineAsync(HubDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("DROP TABLE hub_timeline");
        var timeline = new Initial().UpOperations
            .Where(o => o is CreateTableOperation { Name: "hub_timeline" } or CreateIndexOperation { Table: "hub_timeline" }).ToList();
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(timeline, db.Model))
            await db.Database.ExecuteSqlRawAsync(command.CommandText);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '2026112202_HubTimelineStoredBySchool'""");
    }

    private static async Task<bool> StoredBySchoolAsync(HubDbContext db, bool sqlite)
    {
        var sql = sqlite
            ? """SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE name = 'hub_timeline' AND sql LIKE '%WITHOUT ROWID%'"""
            : """
              SELECT COUNT(*)::int AS "Value" FROM pg_indexes WHERE tablename = 'hub_timeline'
              AND indexname IN ('IX_hub_timeline_BySchool', 'IX_hub_timeline_BySchool_Oversized', 'IX_hub_timeline_Urn_OccurredAtMs')
              """;
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync() == (sqlite ? 1 : 3);
    }

    private sealed record OrderKey(int Urn, long OccurredAtMs, Guid EventId);

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());
}

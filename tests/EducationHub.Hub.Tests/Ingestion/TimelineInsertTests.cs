using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Tests.Ingestion;

/// <summary>The consumers' multi-row timeline insert, on both providers.</summary>
public sealed class TimelineInsertTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Events_already_on_the_timeline_or_repeated_in_the_same_insert_are_stored_once(string provider)
    {
        await using var hub = await HubDatabaseHost.StartAsync(provider);
        var earlier = Row(Guid.NewGuid(), "first");
        await hub.QueryAsync(db => TimelineInsert.IfAbsentAsync(db, [earlier], CancellationToken.None));
        var repeated = Guid.NewGuid();

        var inserted = await hub.QueryAsync(db => TimelineInsert.IfAbsentAsync(db,
            [Row(earlier.EventId, "again"), Row(repeated, "first"), Row(repeated, "again")], CancellationToken.None));

        Assert.Equal(1, inserted);
        var stored = await hub.QueryAsync(db => db.Timeline.AsNoTracking().ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, row => Assert.Equal("first", row.Detail));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_stored_row_reads_back_through_the_model_exactly_as_written(string provider)
    {
        await using var hub = await HubDatabaseHost.StartAsync(provider);
        var full = Row(Guid.NewGuid(), "full");
        full.SourceId = Guid.NewGuid();
        full.RelatedId = Guid.NewGuid();
        full.Category = "low-standards";
        full.Level = "High";
        full.Organisation = "Local authority";
        full.Score = 72;
        full.Date = new DateOnly(2026, 11, 3);
        full.ModelVersion = "sr-1";
        full.ReasonsJson = "[{\"code\":\"ofsted\"}]";
        full.RelatedIdsJson = "[\"a\"]";
        full.Flag = true;
        var sparse = Row(Guid.NewGuid(), null);

        await hub.QueryAsync(db => TimelineInsert.IfAbsentAsync(db, [full, sparse], CancellationToken.None));

        // Looked up by key through EF: a GUID or date stored in another format than the model's would not be found or would differ.
        foreach (var written in new[] { full, sparse })
        {
            var read = await hub.QueryAsync(db => db.Timeline.AsNoTracking().SingleAsync(t => t.EventId == written.EventId));
            Assert.Equivalent(written, read, strict: true);
        }
    }

    [Fact]
    public async Task Each_provider_and_batch_size_gets_its_own_statement_in_one_process()
    {
        // The statement is cached per model: SQLite's (text GUIDs) and PostgreSQL's (uuid) must not
        // be mixed up, nor the text for one row count reused for another.
        foreach (var provider in new[] { "sqlite", "postgres", "sqlite" })
        {
            await using var hub = await HubDatabaseHost.StartAsync(provider);
            var written = new List<TimelineRow>();
            foreach (var size in new[] { 3, 1, 2, 3 })
            {
                var rows = Enumerable.Range(0, size).Select(i => Row(Guid.NewGuid(), $"{provider} {size} {i}")).ToList();
                Assert.Equal(size, await hub.QueryAsync(db => TimelineInsert.IfAbsentAsync(db, rows, CancellationToken.None)));
                written.AddRange(rows);
            }

            var stored = await hub.QueryAsync(db => db.Timeline.AsNoTracking().ToListAsync());
            Assert.Equivalent(written, stored, strict: true);
        }
    }

    private static TimelineRow Row(Guid eventId, string? detail) => new()
    {
        EventId = eventId,
        Urn = 990201,
        Kind = 4,
        OccurredAtMs = 1_790_000_000_000,
        ReceivedAtMs = 1_790_000_100_000,
        Producer = "governance",
        Detail = detail,
    };
}

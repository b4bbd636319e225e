using EducationHub.Calendar;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Governance.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

namespace EducationHub.Governance.Tests.Persistence;

/// <summary>
/// The hand-written migration builds exactly the schema the EF model describes, on both providers,
/// and the model's concurrency tokens stop lost updates.
/// </summary>
public abstract class GovernanceSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<GovernanceDbContext>(provider, "notices");

    [Fact]
    public async Task Timeline_lines_stored_with_a_resolution_or_leaving_reason_lose_it_on_upgrade()
    {
        await using var database = await EmptyDatabase.CreateAsync<GovernanceDbContext>(provider);
        var now = Instant.FromUtc(2026, 3, 16, 10, 0);
        var today = new LocalDate(2026, 3, 16);
        var governor = new Governor
        {
            Id = Guid.CreateVersion7(), Urn = 123456, FullName = "Ann Chair", Category = GovernorCategory.CoOpted, Role = GoverningRole.Chair,
            AppointedBy = "governing board", AppointedOn = new LocalDate(2025, 9, 1), TermEndsOn = new LocalDate(2029, 8, 31),
        };
        governor.Leave(today, "Removed after complaint by Mr Jones");
        TimelineEntry Line(string kind, string summary, Guid entityId) => new()
        {
            Id = Guid.CreateVersion7(), Urn = 123456, RecordedAt = now, OccurredOn = today, Kind = kind, Summary = summary, EntityId = entityId, Organisation = "Council",
        };

        await using (var db = database.Context())
        {
            // The schema before this migration is the same as after it; only its rows differ.
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '2026112401_GovernanceTimelineWithoutFreeText'""");
            db.Governors.Add(governor);
            db.Timeline.AddRange(
                Line("governor.left", "Ann Chair left (Removed after complaint by Mr Jones)", governor.Id),
                Line("concern.closed", "Governance concern closed: Ms Smith stood down as chair", Guid.CreateVersion7()),
                Line("concern.raised", "High governance concern raised by Officer", Guid.CreateVersion7()));
            await db.SaveChangesAsync();
            Assert.Single(await db.Database.GetPendingMigrationsAsync());
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using var check = database.Context();
        var summaries = await check.Timeline.AsNoTracking().ToDictionaryAsync(t => t.Kind, t => t.Summary);
        Assert.Equal("Ann Chair left", summaries["governor.left"]);
        Assert.Equal("Governance concern closed", summaries["concern.closed"]);
        Assert.Equal("High governance concern raised by Officer", summaries["concern.raised"]);
        Assert.Equal("Removed after complaint by Mr Jones", (await check.Governors.AsNoTracking().SingleAsync()).LeftReason);
    }

    [Fact]
    public async Task Two_officers_changing_the_same_notice_at_once_cannot_both_win()
    {
        await using var database = await EmptyDatabase.CreateAsync<GovernanceDbContext>(provider);
        var now = Instant.FromUtc(2026, 3, 16, 10, 0);
        var today = new LocalDate(2026, 3, 16);
        Guid id;
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            var notice = WarningNotice.Draft(123456, NoticeType.PerformanceStandardsAndSafety, [NoticeGround.LowStandards], Issuer.LocalAuthority,
                "Council", "Summary", ["Act"], 15, "Council", now);
            notice.Issue(new NoticeTransitionFacts(today, today, "Council", now), null, WorkingDayCalendar.EnglandAndWales);
            db.Notices.Add(notice);
            await db.SaveChangesAsync();
            id = notice.Id;
        }

        await using var first = database.Context();
        await using var second = database.Context();
        var a = await first.Notices.Include(n => n.History).SingleAsync(n => n.Id == id);
        var b = await second.Notices.Include(n => n.History).SingleAsync(n => n.Id == id);
        a.Apply(NoticeTrigger.Confirm, new NoticeTransitionFacts(today, today, "Officer A", now));
        b.Apply(NoticeTrigger.Withdraw, new NoticeTransitionFacts(today, today, "Officer B", now, Note: "Issued in error"));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.Context();
        var stored = await check.Notices.Include(n => n.History).SingleAsync(n => n.Id == id);
        Assert.Equal(NoticeStatus.CompliancePeriodRunning, stored.Status);
        Assert.Equal(2, stored.History.Count);
    }
}

public sealed class SqliteGovernanceSchemaTests() : GovernanceSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresGovernanceSchemaTests() : GovernanceSchemaTests(DatabaseProvider.PostgreSql);

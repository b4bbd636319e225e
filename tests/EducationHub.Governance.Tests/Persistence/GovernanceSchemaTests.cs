using EducationHub.Calendar;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Governance.Infrastructure;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using EducationHub.Governance.Tests.Support;
using NodaTime;

namespace EducationHub.Governance.Tests.Persistence;

/// <summary>
/// The hand-written migration builds exactly the schema the EF model describes, on both providers,
/// and the model's concurrency tokens stop lost updates.
/// </summary>
public abstract class GovernanceSchemaTests(Provider provider)
{
    [Fact]
    public async Task The_migration_builds_the_schema_the_model_describes()
    {
        await using var migrated = await Database.CreateAsync(provider);
        await using var created = await Database.CreateAsync(provider);
        await using (var db = migrated.Context())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = created.Context())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigration = await DatabaseSchema.DescribeAsync(migrated.ConnectionString);
        var fromModel = await DatabaseSchema.DescribeAsync(created.ConnectionString);
        Assert.Contains(fromMigration, line => line.Contains("notices", StringComparison.Ordinal));
        Assert.Equal(fromModel, fromMigration);
    }

    [Fact]
    public async Task Two_officers_changing_the_same_notice_at_once_cannot_both_win()
    {
        await using var database = await Database.CreateAsync(provider);
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

    private sealed class Database : IAsyncDisposable
    {
        private readonly PostgresTestDatabase? _postgres;
        private readonly SqliteTestDatabase? _sqlite;

        private Database(PostgresTestDatabase? postgres, SqliteTestDatabase? sqlite)
        {
            _postgres = postgres;
            _sqlite = sqlite;
        }

        public string ConnectionString => _postgres?.ConnectionString ?? _sqlite!.ConnectionString;

        public static async Task<Database> CreateAsync(Provider provider) => provider == Provider.Postgres
            ? new Database(await PostgresTestDatabase.CreateAsync("ehub_governance_schema"), null)
            : new Database(null, new SqliteTestDatabase("governance"));

        public GovernanceDbContext Context()
        {
            var options = new DbContextOptionsBuilder<GovernanceDbContext>();
            if (_postgres is not null)
            {
                options.UseNpgsql(ConnectionString);
            }
            else
            {
                options.UseSqlite(ConnectionString);
            }

            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            return new GovernanceDbContext(options.Options);
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }

            _sqlite?.Dispose();
        }
    }
}

public sealed class SqliteGovernanceSchemaTests() : GovernanceSchemaTests(Provider.Sqlite);

public sealed class PostgresGovernanceSchemaTests() : GovernanceSchemaTests(Provider.Postgres);

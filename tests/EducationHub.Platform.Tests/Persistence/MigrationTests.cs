using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// Hand-written migrations, applied at start-up from an empty database, give exactly the
/// schema the EF model describes (compared with a database EnsureCreated builds from the model),
/// on both providers. This stands in for EF's model snapshot check, which needs the Design package.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Sqlite_migrations_from_an_empty_database_match_the_model()
    {
        using var migrated = new SqliteTestDatabase("migrated");
        using var fromModel = new SqliteTestDatabase("model");
        await AssertMigratedSchemaMatchesModelAsync(migrated.ConnectionString, fromModel.ConnectionString);
    }

    [Fact]
    public async Task Postgres_migrations_from_an_empty_database_match_the_model()
    {
        await using var migrated = await PostgresTestDatabase.CreateAsync();
        await using var fromModel = await PostgresTestDatabase.CreateAsync();
        await AssertMigratedSchemaMatchesModelAsync(migrated.ConnectionString, fromModel.ConnectionString);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_first_start_on_an_empty_database_logs_no_error(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var errors = new ErrorLogRecorder();
        var builder = PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, "migrations");
        builder.Logging.AddProvider(errors);

        using (var host = await PlatformTestHost.StartAsync(builder))
        {
            await using var scope = host.Services.CreateAsyncScope();
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>().Database.GetPendingMigrationsAsync());
            await host.StopAsync();
        }

        Assert.Empty(errors.Errors);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Upgrading_an_outbox_with_rows_to_the_partial_pending_index_keeps_them_and_the_claim_finds_the_pending_ones(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var builder = PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, "migrations",
            new Dictionary<string, string?> { ["Persistence:MigrateOnStartup"] = "false" });
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
        var migrator = db.GetService<IMigrator>();
        // The previous schema: EF cannot target a migration whose id is not 14 digits, so migrate
        // fully and put the first migration's pending index back, as TimelineStorageTests does.
        await migrator.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync($"DROP INDEX {MessagingSchema.Outbox.PendingIndex}");
        await db.Database.ExecuteSqlRawAsync($"CREATE INDEX {MessagingSchema.Outbox.FullPendingIndex} ON outbox_messages (delivered_at, created_at)");
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '2026112203_PlatformTestOutboxPartialPendingIndex'""");
        Assert.Single(await db.Database.GetPendingMigrationsAsync());

        var createdAt = DateTime.UtcNow.AddMinutes(-5);
        var pending = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var delivered = Guid.CreateVersion7();
        foreach (var (id, deliveredAt) in pending.Select(id => (id, (DateTime?)null)).Append((delivered, createdAt)))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (id, type, payload, created_at, delivered_at, attempts)
                VALUES ({id}, 'T, A', 'x', {createdAt}, {deliveredAt}, 0)
                """);
        }

        await migrator.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync());
        var claimed = await OutboxStore.ClaimAsync(db, Guid.NewGuid(), batchSize: 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(pending.Order(), claimed.Select(m => m.Id).Order());
        var indexes = (await DatabaseSchema.DescribeAsync(database.ConnectionString)).Where(l => l.StartsWith("index outbox_messages.", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(indexes, l => l.Contains(MessagingSchema.Outbox.FullPendingIndex, StringComparison.Ordinal));
        Assert.Contains(indexes, l => l.Contains(MessagingSchema.Outbox.PendingIndex, StringComparison.Ordinal));
    }

    private static async Task AssertMigratedSchemaMatchesModelAsync(string migratedDatabase, string modelDatabase)
    {
        // Start-up applies the migrations (the hosted migrator), as in production.
        var builder = PlatformTestHost.CreateBuilder(migratedDatabase, rabbitMqUrl: null, "migrations");
        using (var host = await PlatformTestHost.StartAsync(builder))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(
                ["2026112201_Initial", "2026112202_AddSequenceToReceivedEvents", "2026112203_PlatformTestOutboxPartialPendingIndex", "2026112301_PlatformTestAuditLogAppendOnly"],
                await db.Database.GetAppliedMigrationsAsync());
            await host.StopAsync();
        }

        // EnsureCreated is used here only, as the reference rendering of the model.
        var modelBuilder = PlatformTestHost.CreateBuilder(modelDatabase, rabbitMqUrl: null, "migrations",
            new Dictionary<string, string?> { ["Persistence:MigrateOnStartup"] = "false" });
        using (var modelHost = modelBuilder.Build())
        {
            await using var scope = modelHost.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>().Database.EnsureCreatedAsync();
        }

        var expected = await DatabaseSchema.DescribeAsync(modelDatabase);
        var actual = await DatabaseSchema.DescribeAsync(migratedDatabase);
        Assert.Contains(actual, l => l.Contains("outbox_messages", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }
}

using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
                ["2026112201_Initial", "2026112202_AddSequenceToReceivedEvents"],
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

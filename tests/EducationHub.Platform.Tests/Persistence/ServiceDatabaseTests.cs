using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

public sealed class ServiceDatabaseTests
{
    [Fact]
    public async Task Without_a_connection_string_the_service_gets_a_SQLite_file_named_after_it_in_WAL_mode()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ehub-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var builder = PlatformTestHost.CreateBuilder(database: null!, rabbitMqUrl: null, "defaults",
                new Dictionary<string, string?> { ["Persistence:DataDirectory"] = dataDirectory });
            using var host = await PlatformTestHost.StartAsync(builder);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
                Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
                Assert.Equal(Path.Combine(dataDirectory, $"{PlatformTestHost.DatabaseName}.db"),
                    new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
                await db.Database.OpenConnectionAsync();
                Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
                Assert.Equal("1", await ScalarAsync(db, "PRAGMA foreign_keys"));
                Assert.Equal("10000", await ScalarAsync(db, "PRAGMA busy_timeout"));
            }
            Assert.True(File.Exists(Path.Combine(dataDirectory, $"{PlatformTestHost.DatabaseName}.db")));
            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void A_connection_string_starting_with_Host_selects_PostgreSQL()
    {
        var builder = PlatformTestHost.CreateBuilder("Host=127.0.0.1;Port=1;Database=x;Username=u", rabbitMqUrl: null, "pg",
            new Dictionary<string, string?> { ["Persistence:MigrateOnStartup"] = "false" });
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
    }

    [Fact]
    public async Task Database_and_bus_health_checks_are_registered_for_readiness_and_healthy()
    {
        using var sqlite = new SqliteTestDatabase();
        var builder = PlatformTestHost.CreateBuilder(sqlite.ConnectionString, rabbitMqUrl: null, "health");
        using var host = await PlatformTestHost.StartAsync(builder);
        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var database = Assert.Single(registrations, r => r.Name == $"database-{PlatformTestHost.DatabaseName}");
        Assert.Contains(ServiceDatabaseBuilderExtensions.ReadyTag, database.Tags);
        Assert.Contains(registrations, r => r.Tags.Contains(ServiceDatabaseBuilderExtensions.ReadyTag) && r.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains(ServiceDatabaseBuilderExtensions.ReadyTag));
        Assert.True(report.Status == HealthStatus.Healthy, string.Join("; ", report.Entries.Select(e => $"{e.Key}={e.Value.Status} {e.Value.Description}")));
        await host.StopAsync();
    }

    [Fact]
    public async Task The_audit_log_records_writes_and_refuses_changes()
    {
        using var sqlite = new SqliteTestDatabase();
        var builder = PlatformTestHost.CreateBuilder(sqlite.ConnectionString, rabbitMqUrl: null, "audit");
        using var host = await PlatformTestHost.StartAsync(builder);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            db.Audit("ofsted", "user-1", "notice.issued", "WarningNotice", "42");
            await db.SaveChangesAsync();
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            var entry = await db.AuditEntries.SingleAsync();
            Assert.Equal(("ofsted", "user-1", "notice.issued", "WarningNotice", "42"), (entry.Organisation, entry.Subject, entry.Action, entry.EntityType, entry.EntityId));
            entry.Action = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await host.StopAsync();
    }

    private static async Task<string> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>
/// Applies the context's migrations in the host's Starting phase, which completes before any
/// hosted service starts (the web server, the bus, the outbox dispatcher), so nothing touches an
/// old schema.
/// </summary>
internal sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger) : IHostedLifecycleService
    where TContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // EF reads the migration history before creating its table, and on an empty database logs
        // that failed read as an error (dotnet/efcore#37328): a "fail" line for every service's first
        // start on PostgreSQL. EF's own create-if-not-exists script, run first, leaves nothing to
        // fail; MigrateAsync then takes the migration lock and logs each migration it applies.
        // (No GetPendingMigrations beforehand either: it reads the same table.)
        PersistenceLog.Migrating(logger, typeof(TContext).Name);
        try
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }
        catch (DbException)
        {
            // Another instance creating the table at the same moment (PostgreSQL can report that as a
            // duplicate even with IF NOT EXISTS): MigrateAsync copes with either outcome.
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

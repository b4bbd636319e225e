using EducationHub.Messaging.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Persistence;

public static class ServiceDatabaseBuilderExtensions
{
    /// <summary>The health check tag readiness endpoints select.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers the service's DbContext on its own database: <c>ConnectionStrings:{name}</c>
    /// starting "Host=" → PostgreSQL; another value → that SQLite database; absent → SQLite file
    /// <c>{Persistence:DataDirectory}/{name}.db</c>. Migrations run at start-up; a readiness
    /// health check "database-{name}" is added, and a <see cref="WriteGroupCommit{TContext}"/> for
    /// writes that may share a transaction. The context is pooled, so it cannot use OnConfiguring:
    /// pass further options (interceptors) as <paramref name="configure"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string name, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext =>
        builder.AddServiceDatabase<TContext>(name, (_, db) => configure?.Invoke(db));

    /// <summary>
    /// <see cref="AddServiceDatabase{TContext}(IHostApplicationBuilder, string, Action{DbContextOptionsBuilder}?)"/>
    /// for options that need the host's services, such as an interceptor that is a singleton of the host.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string name, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var options = builder.Configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        var connectionString = builder.Configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(connectionString))
            connectionString = DefaultSqlite(options.DataDirectory, name);
        var provider = DatabaseProviders.FromConnectionString(connectionString);
        if (provider == DatabaseProvider.Sqlite)
            EnsureSqliteDirectory(connectionString);
        else
            connectionString = PostgresConnectionDefaults.Apply(connectionString);

        builder.Services.AddOutboxCore();
        // Pooled: building the options and initialising a fresh context's internal services cost
        // ~12% of the messaging benchmark's CPU, mostly on writes (perf, bench/messaging/RESULTS.md).
        var pragmas = new SqlitePragmaInterceptor(options.SqliteBusyTimeoutMs);
        builder.Services.AddDbContextPool<TContext>((services, db) =>
        {
            db.UseServiceDatabase(provider, connectionString);
            if (provider == DatabaseProvider.Sqlite)
                db.AddInterceptors(pragmas);
            db.AddInterceptors(services.GetRequiredService<OutboxNudgeInterceptor>());
            configure(services, db);
        });

        // From the options read above, like the rest of the registration: one reading of the section.
        builder.Services.TryAddSingleton(services => new WriteGroupCommit<TContext>(
            services.GetRequiredService<IServiceScopeFactory>(),
            options.WriteGroupCommitMaxBatch,
            services.GetRequiredService<ILogger<WriteGroupCommit<TContext>>>()));

        if (options.MigrateOnStartup)
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DbContextHealthCheck<TContext>>($"database-{name}", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The provider and warnings every service context is built with; <see cref="AddServiceDatabase{TContext}"/>
    /// adds its interceptors on top, and tests that build a service's context without a host call this alone.
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSql)
            db.UseNpgsql(connectionString);
        else
            db.UseSqlite(connectionString);

        // Migrations are hand-written (no model snapshot), so EF always "sees" pending model
        // changes; schema = model is proven by the migration tests on both providers instead.
        return db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string DefaultSqlite(string directory, string name) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, $"{name}.db") }.ToString();

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}

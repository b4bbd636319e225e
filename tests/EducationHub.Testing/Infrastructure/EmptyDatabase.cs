using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Testing.Infrastructure;

/// <summary>Creates an <see cref="EmptyDatabase{TContext}"/>.</summary>
public static class EmptyDatabase
{
    /// <param name="configure">What the service passes to <c>AddServiceDatabase(name, configure)</c>, if anything.</param>
    public static async Task<EmptyDatabase<TContext>> CreateAsync<TContext>(DatabaseProvider provider, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var database = await ProviderTestDatabase.CreateAsync(provider == DatabaseProvider.PostgreSql ? "postgres" : "sqlite");
        return new EmptyDatabase<TContext>(provider, database, configure);
    }
}

/// <summary>
/// An empty database on one provider (<see cref="ProviderTestDatabase"/>: dropped or deleted on
/// dispose) and contexts of <typeparamref name="TContext"/> on it, for tests that build a schema
/// themselves (migrations, EnsureCreated) without starting a host. The options are the ones
/// AddServiceDatabase gives the service's context (<c>UseServiceDatabase</c>, without the interceptors)
/// plus the service's own <c>configure</c>, so the model is the one the service runs with.
/// </summary>
public sealed class EmptyDatabase<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly ProviderTestDatabase _database;
    private readonly Action<DbContextOptionsBuilder>? _configure;

    internal EmptyDatabase(DatabaseProvider provider, ProviderTestDatabase database, Action<DbContextOptionsBuilder>? configure)
    {
        Provider = provider;
        _database = database;
        _configure = configure;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public TContext Context()
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(Provider, ConnectionString);
        _configure?.Invoke(options);
        // A service's context is pooled, so its one constructor takes only its options (docs/persistence.md).
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

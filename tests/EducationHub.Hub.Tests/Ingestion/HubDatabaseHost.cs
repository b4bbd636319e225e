using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.Ingestion;

/// <summary>A hub host (in-memory bus) on SQLite or on a fresh PostgreSQL database.</summary>
internal sealed class HubDatabaseHost : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;

    private HubDatabaseHost(TestServiceHost host, PostgresTestDatabase? postgres)
    {
        Host = host;
        _postgres = postgres;
    }

    public TestServiceHost Host { get; }

    public static async Task<HubDatabaseHost> StartAsync(string provider)
    {
        var postgres = provider == "postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        var host = await StartHostAsync(postgres);
        return new HubDatabaseHost(host, postgres);
    }

    /// <summary>Another hub process on this host's PostgreSQL database, as a second replica is; dispose it before this host.</summary>
    public Task<TestServiceHost> StartReplicaAsync() =>
        StartHostAsync(_postgres ?? throw new InvalidOperationException("Replicas share a PostgreSQL database; a SQLite database belongs to one process."));

    private static Task<TestServiceHost> StartHostAsync(PostgresTestDatabase? postgres)
    {
        var settings = new Dictionary<string, string?>();
        if (postgres is not null)
            settings["ConnectionStrings:hub"] = postgres.ConnectionString;
        return TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), settings, serviceName: "hub");
    }

    public async Task<T> QueryAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}

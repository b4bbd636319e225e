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
        var settings = new Dictionary<string, string?>();
        if (postgres is not null)
            settings["ConnectionStrings:hub"] = postgres.ConnectionString;
        var host = await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), settings, serviceName: "hub");
        return new HubDatabaseHost(host, postgres);
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

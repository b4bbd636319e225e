namespace EducationHub.Governance.Tests.Support;

/// <summary>One Governance host per test class (tests use distinct URNs), clock fixed at Monday 16 March 2026 10:00 London.</summary>
public abstract class HostFixture(Provider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private GovernanceHost? _host;

    public Provider Provider { get; } = provider;

    public GovernanceHost Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 3, 16, 10, 0));
        _database = await TestDatabase.CreateAsync(Provider);
        _host = await GovernanceHost.StartAsync(clock, settings: _database.Settings());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteHostFixture() : HostFixture(Provider.Sqlite);

public sealed class PostgresHostFixture() : HostFixture(Provider.Postgres);

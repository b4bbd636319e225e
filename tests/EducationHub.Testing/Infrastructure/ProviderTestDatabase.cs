namespace EducationHub.Testing.Infrastructure;

/// <summary>
/// A fresh, empty database on the provider a test case names ("postgres" or "sqlite"), for tests
/// that run the same case on both; dropped (PostgreSQL) or deleted (SQLite file) on dispose.
/// </summary>
public sealed class ProviderTestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private ProviderTestDatabase(string connectionString, Func<ValueTask> dispose)
    {
        ConnectionString = connectionString;
        _dispose = dispose;
    }

    /// <summary>For AddServiceDatabase: "Data Source=..." selects SQLite, anything else PostgreSQL.</summary>
    public string ConnectionString { get; }

    public static async Task<ProviderTestDatabase> CreateAsync(string provider)
    {
        if (provider == "postgres")
        {
            var pg = await PostgresTestDatabase.CreateAsync();
            return new ProviderTestDatabase(pg.ConnectionString, pg.DisposeAsync);
        }
        var sqlite = new SqliteTestDatabase();
        return new ProviderTestDatabase(sqlite.ConnectionString, () =>
        {
            sqlite.Dispose();
            return ValueTask.CompletedTask;
        });
    }

    public ValueTask DisposeAsync() => _dispose();
}

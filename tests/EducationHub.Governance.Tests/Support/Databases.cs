using EducationHub.Testing.Infrastructure;

namespace EducationHub.Governance.Tests.Support;

/// <summary>One database per test class, on the chosen provider; settings for the host to use it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;
    private readonly string? _directory;

    private TestDatabase(PostgresTestDatabase? postgres, string? directory)
    {
        _postgres = postgres;
        _directory = directory;
    }

    public static async Task<TestDatabase> CreateAsync(Provider provider) => provider == Provider.Postgres
        ? new TestDatabase(await PostgresTestDatabase.CreateAsync("ehub_governance"), null)
        : new TestDatabase(null, Directory.CreateTempSubdirectory("ehub-governance-").FullName);

    /// <summary>Host settings pointing at this database (the same database for every host started with them).</summary>
    public Dictionary<string, string?> Settings() => _postgres is not null
        ? new() { ["ConnectionStrings:governance"] = _postgres.ConnectionString }
        : new() { ["Persistence:DataDirectory"] = _directory };

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}

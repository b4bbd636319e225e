using EducationHub.Testing.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// A whistleblowing database on SQLite (a temp directory) or PostgreSQL (a fresh database) with
/// fixed keys, so several hosts can be started on it one after another (a restart).
/// </summary>
public sealed class WhistleblowingStore : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly PostgresTestDatabase? _postgres;
    private readonly string _directory;

    private WhistleblowingStore(string provider, string directory, PostgresTestDatabase? postgres)
    {
        Provider = provider;
        _directory = directory;
        _postgres = postgres;
        _settings = WhistleblowingHost.KeySettings();
        _settings["Persistence:DataDirectory"] = directory;
        if (postgres is not null)
        {
            _settings["ConnectionStrings:whistleblowing"] = postgres.ConnectionString;
        }
    }

    public string Provider { get; }

    public string Pepper => _settings["Whistleblowing:Receipt:Pepper"]!;

    public static async Task<WhistleblowingStore> CreateAsync(string provider)
    {
        var directory = Directory.CreateTempSubdirectory("ehub-wb-store-").FullName;
        var postgres = provider switch
        {
            "sqlite" => null,
            "postgres" => await PostgresTestDatabase.CreateAsync("ehub_wb"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres"),
        };
        return new WhistleblowingStore(provider, directory, postgres);
    }

    /// <summary>A host on this store; the receipt hashing worker runs only when asked for.</summary>
    /// <param name="settings">Further settings of this host (e.g. a shorter idempotency record lifetime).</param>
    public Task<WhistleblowingHost> StartHostAsync(bool hashInBackground = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(_settings)
        {
            ["Whistleblowing:Receipt:HashInBackground"] = hashInBackground ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return WhistleblowingHost.StartAsync(all);
    }

    /// <summary>Whether a copy of the database holds <paramref name="secret"/> as UTF-8 or UTF-16 text.</summary>
    public async Task<bool> RawCopyContainsAsync(string secret)
    {
        if (_postgres is not null)
        {
            return (await RawDatabase.DumpPostgresAsync(_postgres.ConnectionString)).Contains(secret, StringComparison.Ordinal);
        }

        var raw = await RawDatabase.ReadSqliteFilesAsync(_directory);
        Assert.True(raw.Length > 10_000, "the database files should hold the data");
        return RawDatabase.Contains(raw, System.Text.Encoding.UTF8.GetBytes(secret)) || RawDatabase.Contains(raw, System.Text.Encoding.Unicode.GetBytes(secret));
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort, as TestServiceHost does.
        }
    }
}

using Microsoft.Data.Sqlite;

namespace EducationHub.Testing.Infrastructure;

/// <summary>A SQLite database in a fresh temp file (WAL side files included), deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _directory;

    public SqliteTestDatabase(string name = "test")
    {
        _directory = Path.Combine(Path.GetTempPath(), "ehub-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, name + ".db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string FilePath { get; }

    /// <summary>"Data Source=/tmp/.../name.db": AddServiceDatabase treats it as SQLite.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A host still closing may hold the file for a moment; the temp directory is harmless.
        }
    }
}

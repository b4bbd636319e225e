using System.Data.Common;

namespace EducationHub.ServiceDefaults.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseProviders
{
    /// <summary>
    /// A connection string that names a server (<c>Host=</c> or Npgsql's alias <c>Server=</c>, in any
    /// position or case) is PostgreSQL; anything else (<c>Data Source=...</c>) is SQLite. Only the first
    /// position used to count, so "Port=5432;Host=db" went to SQLite and failed on an unknown keyword.
    /// </summary>
    public static DatabaseProvider FromConnectionString(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.ContainsKey("Host") || keys.ContainsKey("Server") ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
    }
}

namespace EducationHub.ServiceDefaults.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseProviders
{
    /// <summary>Npgsql connection strings start with "Host="; anything else is a SQLite connection string.</summary>
    public static DatabaseProvider FromConnectionString(string connectionString) =>
        connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;
}

using System.Data.Common;
using Npgsql;

namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>What a service's PostgreSQL connection string gets unless it says otherwise.</summary>
public static class PostgresConnectionDefaults
{
    /// <summary>
    /// Statements a connection keeps prepared on the server. A service runs the same few inserts and
    /// queries all day; prepared, PostgreSQL stops parsing and planning them every time (a fifth of its
    /// CPU in the messaging benchmark, bench/messaging/RESULTS.md). Set <c>Max Auto Prepare=0</c> in the
    /// connection string to turn it off, e.g. behind a pooler that cannot keep prepared statements.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare }.ConnectionString;
    }
}

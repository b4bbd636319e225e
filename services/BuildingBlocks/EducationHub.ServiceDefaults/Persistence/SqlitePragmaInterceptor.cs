using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>
/// Sets the per-connection SQLite pragmas on every (pooled) open: WAL so readers do not block
/// the writer, a busy timeout so concurrent writers (requests, outbox dispatcher, consumers)
/// wait instead of failing, and foreign keys, which SQLite leaves off by default.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private string Pragmas => $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

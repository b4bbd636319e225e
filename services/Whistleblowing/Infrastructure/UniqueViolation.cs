using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EducationHub.Whistleblowing.Infrastructure;

/// <summary>
/// Whether a failed save broke a unique index or primary key, on either provider: how the loser of
/// two concurrent first uses of an idempotency key learns that the winner committed. PostgreSQL
/// makes the loser's INSERT wait for the winner's transaction and then fail with 23505; SQLite runs
/// one writer at a time, so the loser fails with SQLITE_CONSTRAINT_PRIMARYKEY or _UNIQUE.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
        _ => false,
    };
}

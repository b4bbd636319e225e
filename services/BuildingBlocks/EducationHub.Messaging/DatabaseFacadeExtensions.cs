using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EducationHub.Messaging;

internal static class DatabaseFacadeExtensions
{
    /// <summary>
    /// Whether the context runs on PostgreSQL, where the outbox and inbox use statements SQLite
    /// lacks (SKIP LOCKED, unnest). By provider name: this assembly does not reference Npgsql.
    /// </summary>
    public static bool IsPostgreSql(this DatabaseFacade database) =>
        database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
}

using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Applying {Count} migration(s) to {Context}: {Migrations}")]
    public static partial void Migrating(ILogger logger, string context, int count, string migrations);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "{Context} uses {Provider}")]
    public static partial void ProviderChosen(ILogger logger, string context, DatabaseProvider provider);
}

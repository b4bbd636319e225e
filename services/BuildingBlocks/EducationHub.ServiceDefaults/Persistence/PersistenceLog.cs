using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Bringing the {Context} database schema up to date")]
    public static partial void Migrating(ILogger logger, string context);
}

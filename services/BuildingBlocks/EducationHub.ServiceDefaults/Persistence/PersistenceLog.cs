using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Bringing the {Context} database schema up to date")]
    public static partial void Migrating(ILogger logger, string context);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "A group commit of {Count} writes to the {Context} database failed; each is saved alone now")]
    public static partial void WriteBatchRolledBack(ILogger logger, Exception exception, string context, int count);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "The commit of a group of {Count} writes to the {Context} database reported an error, but the database has the rows: the writes stand")]
    public static partial void WriteBatchCommitFailedButCommitted(ILogger logger, Exception exception, string context, int count);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Error, Message = "The commit of a group of {Count} writes to the {Context} database failed and the database could not be asked whether it took effect: each caller gets the error")]
    public static partial void WriteBatchCommitUnknown(ILogger logger, Exception exception, string context, int count);
}

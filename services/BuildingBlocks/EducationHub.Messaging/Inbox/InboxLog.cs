using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging.Inbox;

internal static partial class InboxLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Message {MessageId} was already applied by {Consumer}; skipped")]
    public static partial void Duplicate(ILogger logger, Guid messageId, string consumer);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "A group commit of {Count} messages into {Context} rolled back; each is applied on its own")]
    public static partial void BatchRolledBack(ILogger logger, Exception exception, string context, int count);
}

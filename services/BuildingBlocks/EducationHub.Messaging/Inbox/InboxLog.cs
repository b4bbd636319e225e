using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging.Inbox;

internal static partial class InboxLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Message {MessageId} was already applied by {Consumer}; skipped")]
    public static partial void Duplicate(ILogger logger, Guid messageId, string consumer);
}

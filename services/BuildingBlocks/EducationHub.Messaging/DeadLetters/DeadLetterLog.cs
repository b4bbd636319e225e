using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging.DeadLetters;

internal static partial class DeadLetterLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Error,
        Message = "Message {MessageId} ({MessageType}) dead-lettered from {Queue} to its error queue after retries")]
    public static partial void DeadLettered(ILogger logger, Exception exception, string? messageId, string messageType, string queue);
}

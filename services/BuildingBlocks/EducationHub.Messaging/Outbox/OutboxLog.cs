using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Outbox dispatcher for {Context} started")]
    public static partial void Started(ILogger logger, string context);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Outbox dispatcher for {Context}: round failed ({Failures} in a row), retrying in {Delay}")]
    public static partial void RoundFailed(ILogger logger, Exception exception, string context, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Outbox message {MessageId} of type {Type} could not be published (attempt {Attempt})")]
    public static partial void PublishFailed(ILogger logger, Exception exception, Guid messageId, string type, int attempt);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Outbox message {MessageId} names type {Type}, which is not loaded; it stays undelivered")]
    public static partial void UnknownType(ILogger logger, Guid messageId, string type);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Outbox dispatcher for {Context}: could not mark {Count} published or failed rows; they are claimed again when their lease runs out")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string context, int count);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Outbox cleanup for {Context}: deleted {Outbox} delivered rows and {Inbox} inbox rows")]
    public static partial void CleanedUp(ILogger logger, string context, int outbox, int inbox);
}

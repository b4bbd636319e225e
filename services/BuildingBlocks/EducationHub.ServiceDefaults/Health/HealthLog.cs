using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Health;

internal static partial class HealthLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Readiness check {Check} is {Status}: {Description}")]
    public static partial void CheckNotHealthy(ILogger logger, string check, string status, string? description, Exception? exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Readiness changed to {Status}")]
    public static partial void ReadinessChanged(ILogger logger, string status);
}

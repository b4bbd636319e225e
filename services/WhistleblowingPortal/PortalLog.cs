using EducationHub.Grpc;

namespace EducationHub.WhistleblowingPortal;

/// <summary>The portal's only log lines: which call failed and how. Never addresses, agents, paths with data, or content.</summary>
public sealed partial class PortalLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "Whistleblowing service call {Method} failed with {StatusCode}")]
    public static partial void ServiceFailed(ILogger logger, string method, StatusCode statusCode);
}

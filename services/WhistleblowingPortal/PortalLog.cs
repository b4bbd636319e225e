using EducationHub.Grpc;

namespace EducationHub.WhistleblowingPortal;

/// <summary>The portal's only log lines: which call failed and how. Never addresses, agents, paths with data, or content.</summary>
public sealed partial class PortalLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "Whistleblowing service call {Method} failed with {StatusCode}")]
    public static partial void ServiceFailed(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Portal:DataProtection:KeyRingDirectory is not set: this process protects the form and session cookies with keys of its own. " +
        "With more than one replica (or after a restart) reporters will see \"The form has expired\" and lose their report. Mount a shared key ring (docs/whistleblowing.md, \"Shared key ring\").")]
    public static partial void NoSharedKeyRing(ILogger logger);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "The portal's shared key ring expires on {Expires:u}: add a key with create-key-ring (docs/whistleblowing.md, \"Shared key ring\"). " +
        "When it has expired every form and session fails, and the portal does not start.")]
    public static partial void KeyRingExpiring(ILogger logger, DateTimeOffset expires);
}

using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {Url}")]
    public static partial void JwksFetched(ILogger logger, Uri url, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not fetch signing keys from {Url}; keeping the previous keys")]
    public static partial void JwksFetchFailed(ILogger logger, Uri url, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Rejected {Method}: {Reason}")]
    public static partial void Rejected(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Critical, Message = "Refusing to start: {Reason}")]
    public static partial void RefusingToStart(ILogger logger, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "No partner token validation is configured (set Auth:Issuer with Auth:SigningKeyPem or Auth:JwksUrl): every call that needs a scope will be rejected")]
    public static partial void NothingConfigured(ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Development tokens are enabled: tokens signed by the local key in {KeyPath} are trusted. Never use this outside a developer machine.")]
    public static partial void DevelopmentTokensEnabled(ILogger logger, string keyPath);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Partner tokens: issuer {Issuer}, audience {Audience}, {StaticKeys} configured key(s), JWKS {Jwks}")]
    public static partial void Configured(ILogger logger, string issuer, string audience, int staticKeys, string jwks);
}

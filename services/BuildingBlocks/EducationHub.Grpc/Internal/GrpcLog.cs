using Microsoft.Extensions.Logging;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// Server log messages. Per-call messages are Debug so the hot path costs nothing in production;
/// payloads are never logged (they may hold personal data).
/// </summary>
internal static partial class GrpcLog
{
    [LoggerMessage(1, LogLevel.Debug, "gRPC call {Method} starting")]
    public static partial void CallStarting(ILogger logger, string method);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call {Method} finished with {StatusCode}")]
    public static partial void CallFinished(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(3, LogLevel.Error, "gRPC call {Method}: the handler threw an exception; the client gets INTERNAL")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void RpcError(ILogger logger, string method, StatusCode statusCode, string detail, Exception? exception);

    [LoggerMessage(5, LogLevel.Debug, "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Debug, "gRPC call {Method} was cancelled by the client")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(7, LogLevel.Debug, "gRPC request for unknown method {Path}")]
    public static partial void UnknownMethod(ILogger logger, string path);

    [LoggerMessage(8, LogLevel.Information, "gRPC service {Service} bound: {MethodCount} methods")]
    public static partial void ServiceBound(ILogger logger, string service, int methodCount);

    [LoggerMessage(9, LogLevel.Warning, "gRPC call {Method} ended at its deadline but its handler ran on and then failed ({ExceptionType}); handlers should honour context.CancellationToken")]
    public static partial void LateHandlerFailure(ILogger logger, string method, string exceptionType);
}

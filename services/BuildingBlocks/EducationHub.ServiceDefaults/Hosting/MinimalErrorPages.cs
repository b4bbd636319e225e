using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Hosting;

/// <summary>
/// Plain-text error responses for the web endpoint: a short status line, never a stack trace, no
/// ProblemDetails JSON. gRPC requests are left alone: the gRPC layer answers with grpc-status itself.
/// </summary>
internal static partial class MinimalErrorPages
{
    public static void UseMinimalErrorPages(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EducationHub.ServiceDefaults.Errors");
        app.Use(async (context, next) =>
        {
            if (IsGrpc(context.Request))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
            {
                UnhandledException(logger, context.Request.Method, context.Request.Path.Value ?? "/", exception);
                if (context.Response.HasStarted)
                {
                    throw;
                }

                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            if (context.Response is { HasStarted: false, StatusCode: >= 400 and < 600, ContentLength: null }
                && string.IsNullOrEmpty(context.Response.ContentType))
            {
                await WriteStatusAsync(context.Response);
            }
        });
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private static Task WriteStatusAsync(HttpResponse response)
    {
        var reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode);
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync($"{response.StatusCode} {reason}\n");
    }

    // Path only: query strings can carry receipt codes or other values that must not reach the log.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void UnhandledException(ILogger logger, string method, string path, Exception exception);
}

using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// The common life of a call: protocol checks, deadline, tracing, interceptors, exception →
/// status, trailers. Subclasses (one per method kind) read, invoke and write.
/// </summary>
internal abstract class ServerCallHandler<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected ServerCallHandler(MethodBinding binding, MessageParser<TRequest> parser)
    {
        Binding = binding;
        Parser = parser;
    }

    protected MethodBinding Binding { get; }

    protected MessageParser<TRequest> Parser { get; }

    protected ServiceActivator<TService> Activator { get; } = new();

    protected RequestValidatorCache<TRequest> Validator { get; } = new();

    public Task HandleCallAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            // gRPC is POST only; the HTTP/2 spec mapping says 405 for anything else.
            httpContext.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            httpContext.Response.Headers.Allow = "POST";
            return Task.CompletedTask;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }

        return RunCallAsync(new HttpServerCallContext(httpContext, Binding));
    }

    private async Task RunCallAsync(HttpServerCallContext context)
    {
        var logger = Binding.Logger;
        var activity = GrpcDiagnostics.StartServerActivity(Binding.Info);
        var debug = logger.IsEnabled(LogLevel.Debug);
        if (debug)
        {
            GrpcLog.CallStarting(logger, Binding.Info.FullName);
        }

        try
        {
            var call = InvokeCatchingAsync(context, logger);
            var endedAtDeadline = false;
            if (!call.IsCompleted && context.DeadlineReached is { } deadline
                && await Task.WhenAny(call, deadline).ConfigureAwait(false) != call)
            {
                endedAtDeadline = await context.TryCompleteAtDeadlineAsync().ConfigureAwait(false);
            }

            // Even after the client has its status, the request must outlive the handler: the
            // HttpContext is pooled and the handler may still touch it.
            await call.ConfigureAwait(false);
            if (!endedAtDeadline)
            {
                context.Complete();
            }
        }
        finally
        {
            context.Dispose();
            if (activity is not null)
            {
                GrpcDiagnostics.StopServerActivity(activity, context.Status.StatusCode);
            }

            if (debug)
            {
                GrpcLog.CallFinished(logger, Binding.Info.FullName, context.Status.StatusCode);
            }
        }
    }

    /// <summary>Runs the call through interceptors and handler; never throws (a failure becomes the status).</summary>
    private async Task InvokeCatchingAsync(HttpServerCallContext context, ILogger logger)
    {
        try
        {
            context.Initialize();
            if (Binding.Interceptors.Length == 0)
            {
                await InvokeAsync(context).ConfigureAwait(false);
            }
            else
            {
                await new GrpcCall(context, Binding.Interceptors, () => InvokeAsync(context)).RunAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            if (context.IsCompleted)
            {
                // Ended at its deadline: the client already has DEADLINE_EXCEEDED. A handler that
                // honoured its token stops with a cancellation; anything else is one that ran on.
                if (ex is OperationCanceledException)
                {
                    GrpcLog.DeadlineExceeded(logger, Binding.Info.FullName);
                }
                else
                {
                    GrpcLog.LateHandlerFailure(logger, Binding.Info.FullName, ex.GetType().Name);
                }
            }
            else
            {
                context.SetStatusFromException(ex, logger);
            }
        }
    }

    /// <summary>Reads the request(s), runs the handler, writes the response(s).</summary>
    protected abstract Task InvokeAsync(HttpServerCallContext context);

    protected static void EnsureResponse(TResponse? response)
    {
        if (response is null)
        {
            throw new InvalidOperationException("The handler returned a null response message.");
        }
    }

}

internal sealed class UnaryCallHandler<TService, TRequest, TResponse>(
    MethodBinding binding,
    MessageParser<TRequest> parser,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(binding, parser)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(Parser).ConfigureAwait(false);
        Validator.Validate(request, context);
        var service = Activator.Create(context.GetHttpContext().RequestServices, out var created);
        try
        {
            var response = await invoker(service, request, context).ConfigureAwait(false);
            EnsureResponse(response);
            context.WriteMessage(response, null);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}

internal sealed class ServerStreamingCallHandler<TService, TRequest, TResponse>(
    MethodBinding binding,
    MessageParser<TRequest> parser,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(binding, parser)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(Parser).ConfigureAwait(false);
        Validator.Validate(request, context);
        var service = Activator.Create(context.GetHttpContext().RequestServices, out var created);
        try
        {
            await invoker(service, request, new HttpStreamWriter<TResponse>(context), context).ConfigureAwait(false);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}

internal sealed class ClientStreamingCallHandler<TService, TRequest, TResponse>(
    MethodBinding binding,
    MessageParser<TRequest> parser,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(binding, parser)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext context)
    {
        var service = Activator.Create(context.GetHttpContext().RequestServices, out var created);
        try
        {
            var reader = new HttpStreamReader<TRequest>(context, Parser, Validator);
            var response = await invoker(service, reader, context).ConfigureAwait(false);
            EnsureResponse(response);
            context.WriteMessage(response, null);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}

internal sealed class DuplexStreamingCallHandler<TService, TRequest, TResponse>(
    MethodBinding binding,
    MessageParser<TRequest> parser,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(binding, parser)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext context)
    {
        var service = Activator.Create(context.GetHttpContext().RequestServices, out var created);
        try
        {
            var reader = new HttpStreamReader<TRequest>(context, Parser, Validator);
            await invoker(service, reader, new HttpStreamWriter<TResponse>(context), context).ConfigureAwait(false);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}

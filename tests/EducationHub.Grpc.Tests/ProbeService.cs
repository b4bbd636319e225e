using EducationHub.Testing.Interop;
using Google.Protobuf.Reflection;

namespace EducationHub.Grpc.Tests;

/// <summary>Records what handlers observed, shared through DI with the test.</summary>
public sealed class CallProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Events { get; } = [];

    /// <summary>Makes EmptyCall and StreamingOutputCall ignore their cancellation token until <see cref="Release"/>.</summary>
    public bool Stubborn { get; init; }

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(string e)
    {
        lock (Events)
        {
            Events.Add(e);
        }
    }
}

/// <summary>
/// An alternative implementation of the interop TestService for behaviour tests: handlers that
/// wait for cancellation, throw, or record the order things ran in.
/// </summary>
[AllowAnonymousCall]
public sealed class ProbeService(CallProbe probe) : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestServiceImpl.Descriptor;

    // Waits until the call is cancelled (client RST_STREAM or deadline) and reports it.
    public async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        probe.Started.TrySetResult();
        if (probe.Stubborn)
        {
            await probe.Release.Task;
            probe.Finished.TrySetResult();
            return new Empty();
        }

        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }

        return new Empty();
    }

    // Throws an exception whose message must not reach the client.
    public Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context) =>
        throw new InvalidOperationException("secret connection string Password=hunter2");

    public async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        if (!probe.Stubborn)
        {
            return;
        }

        await responses.WriteAsync(new StreamingOutputCallResponse());
        probe.Started.TrySetResult();
        await probe.Release.Task;
        try
        {
            await responses.WriteAsync(new StreamingOutputCallResponse());
            probe.Record("late write accepted");
        }
        catch (InvalidOperationException)
        {
            probe.Record("late write refused");
        }

        probe.Finished.TrySetResult();
    }

    public Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requests, ServerCallContext context) =>
        Task.FromResult(new StreamingInputCallResponse());

    public async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        probe.Started.TrySetResult();
        try
        {
            while (await requests.MoveNext(context.CancellationToken))
            {
                await responses.WriteAsync(new StreamingOutputCallResponse());
            }
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
    }

    public Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context) =>
        Task.CompletedTask;

    public Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);

    public Task<ValidatedResponse> ValidateCall(ValidatedRequest request, ServerCallContext context)
    {
        probe.Record("handler");
        return Task.FromResult(new ValidatedResponse { Greeting = context.MethodInfo.MethodName });
    }
}

/// <summary>Records where it ran relative to the next interceptor/handler.</summary>
public sealed class FirstInterceptor(CallProbe probe) : IGrpcInterceptor
{
    public async Task InvokeAsync(GrpcCall call, Func<Task> next)
    {
        probe.Record("first:before");
        await next();
        probe.Record("first:after");
    }
}

public sealed class SecondInterceptor(CallProbe probe) : IGrpcInterceptor
{
    public async Task InvokeAsync(GrpcCall call, Func<Task> next)
    {
        probe.Record("second:before:" + call.Method.MethodName + ":" + call.Method.AllowAnonymous);
        if (call.Context.RequestHeaders.GetValue("x-reject") is not null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "rejected by interceptor"));
        }

        await next();
        probe.Record("second:after");
    }
}

public sealed class ValidatedRequestValidator(CallProbe probe) : IRequestValidator<ValidatedRequest>
{
    public void Validate(ValidatedRequest request, FieldErrors errors)
    {
        probe.Record("validator");
        errors.Require(request.Age >= 18, "age", "must be an adult");
    }
}

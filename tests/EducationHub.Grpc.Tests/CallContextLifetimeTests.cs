using EducationHub.Grpc.Client;
using EducationHub.Grpc.Internal;
using EducationHub.Testing.Interop;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace EducationHub.Grpc.Tests;

/// <summary>A call's context outliving its request: Kestrel recycles the HttpContext as soon as the response ends.</summary>
public sealed class CallContextLifetimeTests
{
    [Fact]
    public async Task A_deadline_that_passes_after_the_request_ended_does_not_touch_the_recycled_HttpContext()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[GrpcProtocol.TimeoutHeader] = "300m";
        var call = new HttpServerCallContext(http, Binding());
        call.Initialize();

        // What Kestrel does once the response is complete; RequestAborted now throws ObjectDisposedException.
        http.Uninitialize();
        Assert.Throws<ObjectDisposedException>(() => http.RequestAborted);

        // The deadline's timer callback asks whether the deadline (not the client) ended the call. It
        // used to read the recycled context's RequestAborted and threw on the timer thread, which ended
        // the process (seen in a full test run: "IFeatureCollection has been disposed").
        await call.DeadlineReached!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(call.DeadlineExpired);
        call.Dispose();
    }

    [Fact]
    public void A_client_deadline_firing_as_the_call_is_disposed_does_not_throw_on_the_timer_thread()
    {
        // The deadline's callback cancels the call's token source; the call may have been disposed
        // a moment before. The inline callback threw ObjectDisposedException there.
        var disposed = new CancellationTokenSource();
        disposed.Dispose();
        Assert.Null(Record.Exception(() => CallCancellation.Cancel(disposed)));

        using var live = new CancellationTokenSource();
        CallCancellation.Cancel(live);
        Assert.True(live.IsCancellationRequested);
    }

    private static MethodBinding Binding()
    {
        var descriptor = TestServiceImpl.Descriptor.FindMethodByName("EmptyCall");
        return new MethodBinding(new GrpcMethodInfo(descriptor, handler: null, requiredScopes: [], allowAnonymous: true), new GrpcServerOptions(), [], NullLogger.Instance);
    }
}

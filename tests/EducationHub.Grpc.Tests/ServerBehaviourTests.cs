using System.Diagnostics;
using EducationHub.Grpc.Client;
using EducationHub.Testing.Interop;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Grpc.Tests;

/// <summary>Server options and pipeline behaviour, each test with its own server.</summary>
public sealed class ServerBehaviourTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Oversized_request_is_resource_exhausted()
    {
        await using var server = await InteropTestServer.StartAsync(b => b.Services.AddEducationHubGrpc(o => o.MaxReceiveMessageSize = 1024));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new GrpcClient(channel);
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(TestMethods.UnaryCall, new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[4096]) } }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        // Small requests still work on the same server.
        Assert.NotNull(await client.UnaryAsync(TestMethods.UnaryCall, new SimpleRequest { ResponseSize = 10 }));
    }

    [Fact]
    public async Task Oversized_compressed_request_is_resource_exhausted_after_decompression()
    {
        await using var server = await InteropTestServer.StartAsync(b => b.Services.AddEducationHubGrpc(o => o.MaxReceiveMessageSize = 1024));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new GrpcClient(channel);
        // 100 KB of zeros compresses to well under 1 KB.
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(
            TestMethods.UnaryCall,
            new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[100_000]) } },
            new CallOptions { RequestCompression = "gzip" }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Oversized_response_is_resource_exhausted()
    {
        await using var server = await InteropTestServer.StartAsync(b => b.Services.AddEducationHubGrpc(o => o.MaxSendMessageSize = 1024));
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.UnaryCall, new SimpleRequest { ResponseSize = 4096 }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Client_max_receive_size_is_enforced()
    {
        await using var server = await InteropTestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.UnaryCall, new SimpleRequest { ResponseSize = 4096 }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Deadline_exceeded_cancels_the_handler()
    {
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe);
        using var channel = GrpcChannel.ForAddress(server.Address);
        // Long enough for the first call of a cold process to reach the handler: at 200 ms the deadline
        // once passed on a busy machine before the server had the call, so no handler was left to cancel.
        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.EmptyCall, new Empty(), new CallOptions { Timeout = TimeSpan.FromSeconds(2) }));
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(probe.Started.Task.IsCompleted, "the call never reached its handler before the deadline");
        await probe.Cancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Server_reports_deadline_exceeded_itself()
    {
        // A raw request with grpc-timeout and no client-side deadline: the status must come from the server.
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe);
        using var http = RawHttp.CreateClient(server.Address);
        var request = RawHttp.GrpcRequest("/educationhub.testing.v1.TestService/EmptyCall", RawHttp.Frame(new Empty()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "100m");
        using var response = await http.SendAsync(request).WaitAsync(Patience);
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("4", RawHttp.Header(response, "grpc-status") ?? RawHttp.Trailer(response, "grpc-status"));
        Assert.True(probe.Cancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task Deadline_status_is_sent_at_the_deadline_even_if_the_handler_ignores_its_token()
    {
        var probe = new CallProbe { Stubborn = true };
        await using var server = await StartProbeServerAsync(probe);
        using var http = RawHttp.CreateClient(server.Address);
        var request = RawHttp.GrpcRequest("/educationhub.testing.v1.TestService/EmptyCall", RawHttp.Frame(new Empty()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "200m");

        using var response = await http.SendAsync(request).WaitAsync(Patience);
        await response.Content.ReadAsByteArrayAsync().WaitAsync(Patience);
        Assert.Equal("4", RawHttp.Header(response, "grpc-status") ?? RawHttp.Trailer(response, "grpc-status"));
        Assert.False(probe.Finished.Task.IsCompleted, "the status arrived while the handler was still running");

        // The handler finishing late changes nothing, and the server goes on serving.
        probe.Release.SetResult();
        await probe.Finished.Task.WaitAsync(Patience);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var echo = await new GrpcClient(channel).UnaryAsync(TestMethods.Echo, new EchoMessage { Message = "still here" });
        Assert.Equal("still here", echo.Message);
    }

    [Fact]
    public async Task A_stream_past_its_deadline_ends_with_deadline_exceeded_after_the_messages_already_sent()
    {
        var probe = new CallProbe { Stubborn = true };
        await using var server = await StartProbeServerAsync(probe);
        using var http = RawHttp.CreateClient(server.Address);
        var request = RawHttp.GrpcRequest("/educationhub.testing.v1.TestService/StreamingOutputCall", RawHttp.Frame(new StreamingOutputCallRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "300m");

        using var response = await http.SendAsync(request).WaitAsync(Patience);
        var body = await response.Content.ReadAsByteArrayAsync().WaitAsync(Patience);
        Assert.Single(RawHttp.Frames(body));
        Assert.Equal("4", RawHttp.Trailer(response, "grpc-status"));
        Assert.False(probe.Finished.Task.IsCompleted);

        probe.Release.SetResult();
        await probe.Finished.Task.WaitAsync(Patience);
        Assert.Equal(["late write refused"], probe.Events);
    }

    [Fact]
    public async Task Client_cancellation_stops_the_handler()
    {
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe);
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var cts = new CancellationTokenSource();
        var call = new GrpcClient(channel).UnaryAsync(TestMethods.EmptyCall, new Empty(), new CallOptions { CancellationToken = cts.Token });
        await probe.Started.Task.WaitAsync(Patience);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await probe.Cancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Disposing_a_streaming_call_stops_the_handler()
    {
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var call = new GrpcClient(channel).Duplex(TestMethods.FullDuplexCall);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        call.Dispose();
        await probe.Cancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Handler_exception_is_internal_without_details()
    {
        await using var server = await StartProbeServerAsync(new CallProbe());
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.UnaryCall, new SimpleRequest()));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.DoesNotContain("hunter2", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interceptors_run_in_registration_order_then_validator_then_handler()
    {
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe, withPipeline: true);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var response = await new GrpcClient(channel).UnaryAsync(TestMethods.ValidateCall, new ValidatedRequest { Name = "x", Age = 30 });
        Assert.Equal("ValidateCall", response.Greeting);
        Assert.Equal(["first:before", "second:before:ValidateCall:True", "validator", "handler", "second:after", "first:after"], probe.Events);
    }

    [Fact]
    public async Task Validator_rejection_is_invalid_argument_and_handler_never_runs()
    {
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe, withPipeline: true);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.ValidateCall, new ValidatedRequest { Name = "x", Age = 3 }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("age", Assert.Single(ex.GetBadRequest()!.FieldViolations).Field);
        Assert.DoesNotContain("handler", probe.Events);
    }

    [Fact]
    public async Task Interceptor_can_end_the_call_with_a_status()
    {
        var probe = new CallProbe();
        await using var server = await StartProbeServerAsync(probe, withPipeline: true);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var ex = await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(
            TestMethods.ValidateCall, new ValidatedRequest { Name = "x", Age = 30 }, new CallOptions { Headers = new Metadata { { "x-reject", "1" } } }));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.DoesNotContain("validator", probe.Events);
        Assert.DoesNotContain("handler", probe.Events);
    }

    [Fact]
    public async Task Each_call_gets_an_activity_with_rpc_attributes()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GrpcDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await InteropTestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        await Assert.ThrowsAsync<RpcException>(() => new GrpcClient(channel).UnaryAsync(TestMethods.UnaryCall, new SimpleRequest { ResponseStatus = new EchoStatus { Code = 5, Message = "x" } }));
        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => a.GetTagItem("rpc.method") as string == "UnaryCall" && a.GetTagItem("rpc.grpc.status_code") is 5);
        }

        Assert.Equal("grpc", activity.GetTagItem("rpc.system"));
        Assert.Equal("educationhub.testing.v1.TestService", activity.GetTagItem("rpc.service"));
    }

    [Fact]
    public async Task Missing_handler_fails_startup_naming_the_method()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => InteropTestServer.StartAsync(map: app => app.MapGrpcService<IncompleteService>(), mapTestService: false));
        Assert.Contains("/educationhub.testing.v1.TestService/UnaryCall", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_without_auth_attribute_fails_startup()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => InteropTestServer.StartAsync(map: app => app.MapGrpcService<UnattributedService>(), mapTestService: false));
        Assert.Contains("UnimplementedCall must declare [RequiresScope", ex.Message, StringComparison.Ordinal);
    }

    private static Task<InteropTestServer> StartProbeServerAsync(CallProbe probe, bool withPipeline = false) =>
        InteropTestServer.StartAsync(
            b =>
            {
                b.Services.AddSingleton(probe);
                if (withPipeline)
                {
                    b.Services.AddGrpcInterceptor<FirstInterceptor>();
                    b.Services.AddGrpcInterceptor<SecondInterceptor>();
                    b.Services.AddScoped<IRequestValidator<ValidatedRequest>, ValidatedRequestValidator>();
                }
            },
            app => app.MapGrpcService<ProbeService>(),
            mapTestService: false);

    private sealed class IncompleteService : IGrpcService
    {
        public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => TestServiceImpl.Descriptor;

        [AllowAnonymousCall]
        public Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());
    }

    private sealed class UnattributedService : IGrpcService
    {
        public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => HealthDescriptor.Service;

        public Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());
    }

    private static class HealthDescriptor
    {
        // A one-method service is enough to show the attribute check: reuse the interop UnimplementedService shape.
        public static Google.Protobuf.Reflection.ServiceDescriptor Service => InteropReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("UnimplementedService");
    }
}

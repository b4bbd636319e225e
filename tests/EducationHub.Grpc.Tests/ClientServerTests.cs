using EducationHub.Grpc.Client;
using EducationHub.Testing.Interop;
using Google.Protobuf;

namespace EducationHub.Grpc.Tests;

/// <summary>The four method kinds, metadata and statuses, through our client against our server.</summary>
public sealed class ClientServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GrpcClient Client => fixture.Client;

    [Fact]
    public async Task Empty_unary_round_trips()
    {
        var response = await Client.UnaryAsync<Empty, Empty>("/educationhub.testing.v1.TestService/EmptyCall", new Empty());
        Assert.NotNull(response);
    }

    [Fact]
    public async Task Large_unary_returns_requested_size()
    {
        var response = await Client.UnaryAsync(TestMethods.UnaryCall, new SimpleRequest
        {
            ResponseSize = 314159,
            Payload = new Payload { Body = ByteString.CopyFrom(new byte[271828]) },
        });
        Assert.Equal(314159, response.Payload.Body.Length);
    }

    [Fact]
    public async Task Echo_returns_the_request()
    {
        var request = new EchoMessage { Message = "hello", Payload = ByteString.CopyFromUtf8("abc") };
        var response = await Client.UnaryAsync(TestMethods.Echo, request);
        Assert.Equal(request, response);
    }

    [Fact]
    public async Task Server_streaming_returns_each_response_in_order()
    {
        var request = new StreamingOutputCallRequest();
        foreach (var size in new[] { 31415, 9, 2653, 58979 })
        {
            request.ResponseParameters.Add(new ResponseParameters { Size = size });
        }

        var sizes = new List<int>();
        await foreach (var response in Client.ServerStreaming(TestMethods.StreamingOutputCall, request))
        {
            sizes.Add(response.Payload.Body.Length);
        }

        Assert.Equal([31415, 9, 2653, 58979], sizes);
    }

    [Fact]
    public async Task Client_streaming_sums_payloads()
    {
        var requests = new[] { 27182, 8, 1828, 45904 }.Select(n => new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[n]) } });
        var response = await Client.ClientStreamingAsync(TestMethods.StreamingInputCall, requests);
        Assert.Equal(74922, response.AggregatedPayloadSize);
    }

    [Fact]
    public async Task Empty_client_stream_gives_zero()
    {
        var response = await Client.ClientStreamingAsync(TestMethods.StreamingInputCall, []);
        Assert.Equal(0, response.AggregatedPayloadSize);
    }

    [Fact]
    public async Task Ping_pong_interleaves_requests_and_responses()
    {
        using var call = Client.Duplex(TestMethods.FullDuplexCall);
        foreach (var size in new[] { 31415, 9, 2653, 58979 })
        {
            var request = new StreamingOutputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size / 2]) } };
            request.ResponseParameters.Add(new ResponseParameters { Size = size });
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(size, call.ResponseStream.Current.Payload.Body.Length);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Empty_duplex_stream_ends_ok()
    {
        using var call = Client.Duplex(TestMethods.FullDuplexCall);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Half_duplex_replies_after_half_close()
    {
        using var call = Client.Duplex(TestMethods.HalfDuplexCall);
        for (var i = 1; i <= 3; i++)
        {
            var request = new StreamingOutputCallRequest();
            request.ResponseParameters.Add(new ResponseParameters { Size = i });
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        var sizes = new List<int>();
        await foreach (var r in call.ResponseStream.ReadAllAsync())
        {
            sizes.Add(r.Payload.Body.Length);
        }

        Assert.Equal([1, 2, 3], sizes);
    }

    [Theory]
    [InlineData(2, "test status message")]
    [InlineData(2, "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")]
    [InlineData(9, "100% sure, ümlauts")]
    public async Task Echo_status_carries_code_and_message(int code, string message)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync(TestMethods.UnaryCall, new SimpleRequest
        {
            ResponseStatus = new EchoStatus { Code = code, Message = message },
        }));
        Assert.Equal((StatusCode)code, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
    }

    [Fact]
    public async Task Echo_status_on_duplex_call()
    {
        using var call = Client.Duplex(TestMethods.FullDuplexCall);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = new EchoStatus { Code = 2, Message = "duplex failure" } });
        await call.RequestStream.CompleteAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("duplex failure", ex.Status.Detail);
    }

    [Fact]
    public async Task Custom_metadata_is_echoed_in_headers_and_binary_trailers()
    {
        var headers = new Metadata()
            .Add(TestServiceImpl.EchoInitialKey, "test_initial_metadata_value")
            .Add(TestServiceImpl.EchoTrailingKey, new byte[] { 0xab, 0xab, 0xab });
        var result = await Client.UnaryCallAsync(TestMethods.UnaryCall, new SimpleRequest { ResponseSize = 314159 }, new CallOptions { Headers = headers });
        Assert.Equal("test_initial_metadata_value", result.ResponseHeaders.GetValue(TestServiceImpl.EchoInitialKey));
        Assert.Equal(new byte[] { 0xab, 0xab, 0xab }, result.Trailers.GetValueBytes(TestServiceImpl.EchoTrailingKey));
    }

    [Fact]
    public async Task Custom_metadata_is_echoed_on_streaming_call()
    {
        var headers = new Metadata()
            .Add(TestServiceImpl.EchoInitialKey, "streaming")
            .Add(TestServiceImpl.EchoTrailingKey, new byte[] { 1, 2, 3, 4, 5 });
        using var call = Client.Duplex(TestMethods.FullDuplexCall, new CallOptions { Headers = headers });
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 10 });
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }

        Assert.Equal("streaming", (await call.ResponseHeadersAsync).GetValue(TestServiceImpl.EchoInitialKey));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, call.GetTrailers().GetValueBytes(TestServiceImpl.EchoTrailingKey));
    }

    [Fact]
    public async Task Metadata_is_echoed_with_an_error_status()
    {
        var headers = new Metadata()
            .Add(TestServiceImpl.EchoInitialKey, "with-error")
            .Add(TestServiceImpl.EchoTrailingKey, new byte[] { 9 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync(
            TestMethods.UnaryCall,
            new SimpleRequest { ResponseStatus = new EchoStatus { Code = 5, Message = "nope" } },
            new CallOptions { Headers = headers }));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(new byte[] { 9 }, ex.Trailers.GetValueBytes(TestServiceImpl.EchoTrailingKey));
        Assert.Equal("with-error", ex.Trailers.GetValue(TestServiceImpl.EchoInitialKey));
    }

    [Fact]
    public async Task Unimplemented_call_returns_unimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<Empty, Empty>("/educationhub.testing.v1.TestService/UnimplementedCall", new Empty()));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task Unknown_service_returns_unimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<Empty, Empty>("/educationhub.testing.v1.UnimplementedService/UnimplementedCall", new Empty()));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("Service is unimplemented.", ex.Status.Detail);
    }

    [Fact]
    public async Task Unknown_method_of_known_service_returns_unimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<Empty, Empty>("/educationhub.testing.v1.TestService/NoSuchMethod", new Empty()));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("Method is unimplemented.", ex.Status.Detail);
    }

    [Fact]
    public async Task Invalid_request_gets_invalid_argument_with_field_violations()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync(TestMethods.ValidateCall, new ValidatedRequest { Name = "", Age = 200 }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetBadRequest();
        Assert.NotNull(badRequest);
        Assert.Equal(["name", "age"], badRequest.FieldViolations.Select(v => v.Field));
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
    }

    [Fact]
    public async Task Valid_request_passes_validation()
    {
        var response = await Client.UnaryAsync(TestMethods.ValidateCall, new ValidatedRequest { Name = "Ada", Age = 36 });
        Assert.Equal("Hello Ada", response.Greeting);
    }
}

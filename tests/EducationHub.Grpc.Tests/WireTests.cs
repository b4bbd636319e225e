using System.Net;
using EducationHub.Testing.Interop;
using Google.Protobuf;

namespace EducationHub.Grpc.Tests;

/// <summary>What the server sends on the wire, checked with a plain HTTP/2 client.</summary>
public sealed class WireTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private const string UnaryCall = "/educationhub.testing.v1.TestService/UnaryCall";
    private readonly HttpClient _http = RawHttp.CreateClient(fixture.Server.Address);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Success_has_headers_one_message_and_status_trailer()
    {
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest { ResponseSize = 3 })));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        var frame = Assert.Single(RawHttp.Frames(body));
        Assert.False(frame.Compressed);
        Assert.Equal(3, SimpleResponse.Parser.ParseFrom(frame.Payload).Payload.Body.Length);
        Assert.Equal("0", RawHttp.Trailer(response, "grpc-status"));
        Assert.Null(RawHttp.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task Error_without_messages_is_trailers_only_with_percent_encoded_message()
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = "bad\tthing ☺ 100%" } };
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(request)));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body);
        Assert.Equal("2", RawHttp.Header(response, "grpc-status"));
        Assert.Equal("bad%09thing %E2%98%BA 100%25", RawHttp.Header(response, "grpc-message"));
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task Unknown_service_is_trailers_only_unimplemented()
    {
        using var response = await _http.SendAsync(RawHttp.GrpcRequest("/no.such.Service/Method", RawHttp.Frame(new Empty())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", RawHttp.Header(response, "grpc-status"));
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Non_post_is_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UnaryCall) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest()), "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Grpc_content_type_variants_are_accepted()
    {
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest()), "application/grpc+proto"));
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("0", RawHttp.Trailer(response, "grpc-status"));
    }

    [Fact]
    public async Task Binary_metadata_accepts_unpadded_base64_and_is_sent_back_unpadded()
    {
        var request = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest()));
        request.Headers.TryAddWithoutValidation(TestServiceImpl.EchoTrailingKey, "q6ur"); // 0xab 0xab 0xab
        request.Headers.TryAddWithoutValidation(TestServiceImpl.EchoInitialKey, "plain value");
        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("plain value", RawHttp.Header(response, TestServiceImpl.EchoInitialKey));
        Assert.Equal("q6ur", RawHttp.Trailer(response, TestServiceImpl.EchoTrailingKey));

        var padded = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest()));
        padded.Headers.TryAddWithoutValidation(TestServiceImpl.EchoTrailingKey, "AQ==");
        using var response2 = await _http.SendAsync(padded);
        await response2.Content.ReadAsByteArrayAsync();
        Assert.Equal("AQ", RawHttp.Trailer(response2, TestServiceImpl.EchoTrailingKey));
    }

    [Fact]
    public async Task Compressed_request_is_decompressed()
    {
        var request = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest { ResponseSize = 5, ExpectCompressed = true, Payload = new Payload { Body = ByteString.CopyFrom(new byte[1000]) } }, gzip: true));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("0", RawHttp.Trailer(response, "grpc-status"));
        Assert.Equal(5, SimpleResponse.Parser.ParseFrom(Assert.Single(RawHttp.Frames(body)).Payload).Payload.Body.Length);
    }

    [Fact]
    public async Task Response_is_compressed_when_asked_and_accepted()
    {
        var request = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest { ResponseSize = 2000, ResponseCompressed = true }));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,deflate,gzip");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("gzip", RawHttp.Header(response, "grpc-encoding"));
        var frame = Assert.Single(RawHttp.Frames(body));
        Assert.True(frame.Compressed);
        Assert.Equal(2000, SimpleResponse.Parser.ParseFrom(RawHttp.Gunzip(frame.Payload)).Payload.Body.Length);
    }

    [Fact]
    public async Task Response_is_not_compressed_when_client_does_not_accept_gzip()
    {
        var request = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest { ResponseSize = 2000, ResponseCompressed = true }));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Null(RawHttp.Header(response, "grpc-encoding"));
        Assert.False(Assert.Single(RawHttp.Frames(body)).Compressed);
    }

    [Fact]
    public async Task Unknown_request_encoding_is_unimplemented_with_accepted_encodings()
    {
        var request = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest()));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");
        using var response = await _http.SendAsync(request);
        Assert.Equal("12", RawHttp.Header(response, "grpc-status"));
        Assert.Contains("gzip", RawHttp.Header(response, "grpc-accept-encoding"));
    }

    [Fact]
    public async Task Compressed_flag_without_encoding_is_internal()
    {
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest(), gzip: true)));
        Assert.Equal("13", RawHttp.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task Truncated_request_is_internal()
    {
        var frame = RawHttp.Frame(new SimpleRequest { ResponseSize = 10 });
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(UnaryCall, frame[..^1]));
        Assert.Equal("13", RawHttp.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task Invalid_timeout_header_is_rejected()
    {
        var request = RawHttp.GrpcRequest(UnaryCall, RawHttp.Frame(new SimpleRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "10x");
        using var response = await _http.SendAsync(request);
        Assert.Equal("13", RawHttp.Header(response, "grpc-status"));
    }

    [Fact]
    public async Task Streamed_messages_are_flushed_one_by_one()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 1 });
        request.ResponseParameters.Add(new ResponseParameters { Size = 1, IntervalUs = 60_000_000 });
        using var message = RawHttp.GrpcRequest("/educationhub.testing.v1.TestService/StreamingOutputCall", RawHttp.Frame(request));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        var first = new byte[8];
        await stream.ReadExactlyAsync(first, cts.Token); // the first message arrives while the second is still 60 s away
        Assert.Equal(0, first[0]);
    }
}

using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// What gRPC client libraries hide, checked on the wire with Node's own HTTP/2 stack
/// (tests/node/wire_check.js): compressed-flag bytes and grpc-encoding, trailers-only responses,
/// percent-encoded grpc-message, the server's own grpc-timeout handling (no client timer),
/// unknown encodings, content-type/method handling and the receive size limit.
/// </summary>
public sealed class WireConformanceTests(InteropServerFixture fixture) : IClassFixture<InteropServerFixture>
{
    [Theory]
    [InlineData("server_gzip_response")]
    [InlineData("no_gzip_unless_accepted")]
    [InlineData("gzip_request")]
    [InlineData("unsupported_request_encoding")]
    [InlineData("trailers_only_unimplemented")]
    [InlineData("percent_encoded_message")]
    [InlineData("server_deadline")]
    [InlineData("wrong_content_type")]
    [InlineData("non_post")]
    [InlineData("max_receive_size")]
    public async Task Wire_check_passes(string check)
    {
        var result = await GrpcPeers.RunNodeAsync("wire_check.js", ["--address", fixture.Target, "--case", check], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{check} failed against {fixture.Target}: {result.Describe()}");
        Assert.Contains($"PASS {check}", result.Stdout, StringComparison.Ordinal);
    }
}

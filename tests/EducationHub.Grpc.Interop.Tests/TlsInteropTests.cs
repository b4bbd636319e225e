using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// The TLS path: Python grpcio over TLS (ALPN h2) trusting only our self-signed root. grpcio
/// refuses a connection without h2 in ALPN, so passing cases prove the negotiation too.
/// </summary>
public sealed class TlsInteropTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    [Theory]
    [InlineData("empty_unary")]
    [InlineData("large_unary")]
    [InlineData("ping_pong")]
    [InlineData("custom_metadata")]
    [InlineData("special_status_message")]
    [InlineData("server_compressed_streaming")]
    public async Task Python_client_passes_case_over_tls(string testCase)
    {
        var result = await GrpcPeers.RunPythonAsync(
            "interop_client.py", ["--address", fixture.TlsTarget, "--tls-root", fixture.RootPemPath, "--case", testCase], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{testCase} over TLS failed against {fixture.TlsTarget}: {result.Describe()}");
        Assert.Contains($"PASS {testCase}", result.Stdout, StringComparison.Ordinal);
    }
}

using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// Conformance: real Python grpcio and Node @grpc/grpc-js clients run each interop case against
/// our server. The clients assert the actual values (sizes, bytes, codes, messages, metadata)
/// and exit non-zero naming the difference, which becomes the failure message here.
/// </summary>
public sealed class InteropCaseTests(InteropServerFixture fixture) : IClassFixture<InteropServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task Client_passes_case(PeerLanguage client, string testCase)
    {
        var result = await GrpcPeers.RunInteropCaseAsync(client, fixture.Target, testCase);

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{client} {testCase} failed against {fixture.Target}: {result.Describe()}");
        Assert.Contains($"PASS {testCase}", result.Stdout, StringComparison.Ordinal);
    }
}

using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// What generic tools rely on, exercised by a Python grpcio client that knows only the address
/// (tests/python/health_reflection_check.py): reflection v1 and v1alpha, descriptors turned into
/// messages and called, health Check/Watch, and INVALID_ARGUMENT with decoded BadRequest details.
/// </summary>
public sealed class HealthAndReflectionTests(InteropServerFixture fixture) : IClassFixture<InteropServerFixture>
{
    [Theory]
    [InlineData("reflection_list_v1")]
    [InlineData("reflection_list_v1alpha")]
    [InlineData("reflection_describe")]
    [InlineData("health_check")]
    [InlineData("health_watch")]
    [InlineData("validate_call")]
    public async Task Python_client_check_passes(string check)
    {
        var result = await GrpcPeers.RunPythonAsync("health_reflection_check.py", ["--address", fixture.Target, "--check", check], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{check} failed against {fixture.Target}: {result.Describe()}");
        Assert.Contains($"PASS {check}", result.Stdout, StringComparison.Ordinal);
    }
}

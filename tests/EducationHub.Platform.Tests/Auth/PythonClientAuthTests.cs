using EducationHub.Grpc;
using EducationHub.Testing.Auth;
using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Platform.Tests.Auth;

/// <summary>The same checks through a real third-party client: Python grpcio, method found by reflection.</summary>
public sealed class PythonClientAuthTests(AuthHostFixture fixture) : IClassFixture<AuthHostFixture>
{
    private const string Read = "educationhub.platformtest.v1.PlatformTestService/Read";

    private Task<GrpcCallResult> CallAsync(string? token) =>
        PythonGrpcClient.CallAsync(fixture.Host.GrpcAddress.ToString(), Read, "{}", token);

    [Fact]
    public async Task Python_grpcio_sees_the_right_status_for_each_token()
    {
        var none = await CallAsync(null);
        var expired = await CallAsync(TestTokens.Expired("ofsted", "platform.read"));
        var wrongAudience = await CallAsync(TestTokens.Sign(TestTokens.Request("ofsted", "platform.read") with { Audience = "other" }));
        var wrongScope = await CallAsync(TestTokens.Issue("ofsted", "platform.write"));
        var valid = await CallAsync(TestTokens.Issue("ofsted", "platform.read"));

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, expired.StatusCode);
        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, wrongAudience.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, wrongScope.StatusCode);
        Assert.Contains("platform.read", wrongScope.Message, StringComparison.Ordinal);
        Assert.True(valid.Ok, valid.RawJson);
        Assert.Equal("ofsted", valid["organisation"].GetString());
    }
}

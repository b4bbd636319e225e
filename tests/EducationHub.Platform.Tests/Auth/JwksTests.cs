using System.Net;
using System.Text;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Platform.Tests.Protos;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.Testing.Auth;
using EducationHub.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EducationHub.Platform.Tests.Auth;

/// <summary>Keys from a JWKS document, including a rotation picked up on an unknown kid.</summary>
public sealed class JwksTests
{
    [Fact]
    public async Task Tokens_verify_against_the_jwks_and_a_rotated_key_is_fetched_on_first_use()
    {
        var oldKey = TestTokens.NewKey("old");
        var newKey = TestTokens.NewKey("new");
        var jwks = new JwksDocument(TestTokens.Jwks(oldKey));
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.Services.AddSingleton(new JwksHttpHandler(jwks)),
            map: app => app.MapGrpcService<PlatformTestApi>(),
            settings: new Dictionary<string, string?>
            {
                ["Auth:SigningKeyPem"] = null,
                ["Auth:JwksUrl"] = "https://idp.example/.well-known/jwks.json",
                ["Auth:JwksMinimumRefreshInterval"] = "00:00:00",
            });

        var first = await ReadAsync(host, TestTokens.Sign(TestTokens.Request("ofsted", "platform.read"), oldKey));
        Assert.Equal("ofsted", first.Organisation);

        // Before the issuer publishes the new key, its tokens fail; after, they work without a restart.
        var rotated = TestTokens.Sign(TestTokens.Request("ofsted", "platform.read"), newKey);
        var early = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(host, rotated));
        Assert.Equal(StatusCode.Unauthenticated, early.StatusCode);
        jwks.Json = TestTokens.Jwks(oldKey, newKey);
        Assert.Equal("ofsted", (await ReadAsync(host, rotated)).Organisation);
        Assert.True(jwks.Fetches >= 2);
    }

    [Fact]
    public async Task An_unreachable_jwks_with_no_known_key_is_unavailable_not_unauthenticated()
    {
        var jwks = new JwksDocument(null);
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.Services.AddSingleton(new JwksHttpHandler(jwks)),
            map: app => app.MapGrpcService<PlatformTestApi>(),
            settings: new Dictionary<string, string?> { ["Auth:SigningKeyPem"] = null, ["Auth:JwksUrl"] = "https://idp.example/jwks" });

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(host, TestTokens.Issue("ofsted", "platform.read")));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static Task<CallerReply> ReadAsync(TestServiceHost host, string token) =>
        host.Client.UnaryAsync<ProbeRequest, CallerReply>(PlatformTestApi.ReadMethod, new ProbeRequest(), new CallOptions { BearerToken = token });

    /// <summary>Serves a JWKS document that the test can change (null = the issuer is down).</summary>
    private sealed class JwksDocument(string? json) : HttpMessageHandler
    {
        private int _fetches;

        public volatile string? Json = json;

        public int Fetches => _fetches;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _fetches);
            var json = Json;
            return Task.FromResult(json is null
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}

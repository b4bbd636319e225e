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

public sealed class DevelopmentTokenTests
{
    [Fact]
    public async Task Development_tokens_are_trusted_and_the_key_file_is_private()
    {
        await using var host = await TestServiceHost.StartAsync(
            map: app => app.MapGrpcService<PlatformTestApi>(),
            settings: new Dictionary<string, string?> { ["Auth:DevelopmentTokens"] = "true", ["Auth:SigningKeyPem"] = null, ["Auth:Issuer"] = null },
            environment: "Development");
        var issuer = host.Services.GetRequiredService<DevTokenIssuer>();

        var reply = await host.Client.UnaryAsync<ProbeRequest, CallerReply>(
            PlatformTestApi.WriteMethod, new ProbeRequest(), new CallOptions { BearerToken = issuer.Issue("council", "platform.write") });

        Assert.Equal("council", reply.Organisation);
        var keyFile = Path.Combine(host.DataDirectory, "dev-signing-key.pem");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        // Another process (ehub token) reading the same file signs tokens the server accepts.
        var cli = DevTokenIssuer.FromOptions(new AuthOptions { DevelopmentKeyPath = keyFile });
        var fromCli = await host.Client.UnaryAsync<ProbeRequest, CallerReply>(
            PlatformTestApi.ReadMethod, new ProbeRequest(), new CallOptions { BearerToken = cli.Issue("ofsted", "rsc", ["platform.read"], TimeSpan.FromMinutes(5)) });
        Assert.Equal("rsc", fromCli.Subject);
    }

    [Fact]
    public async Task The_development_issuer_may_be_named_explicitly()
    {
        await using var host = await TestServiceHost.StartAsync(
            map: app => app.MapGrpcService<PlatformTestApi>(),
            settings: new Dictionary<string, string?> { ["Auth:DevelopmentTokens"] = "true", ["Auth:SigningKeyPem"] = null, ["Auth:Issuer"] = AuthOptions.DevelopmentIssuer },
            environment: "Development");
        var token = host.Services.GetRequiredService<DevTokenIssuer>().Issue("council", "platform.read");

        var reply = await host.Client.UnaryAsync<ProbeRequest, CallerReply>(PlatformTestApi.ReadMethod, new ProbeRequest(), new CallOptions { BearerToken = token });

        Assert.Equal("council", reply.Organisation);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task Outside_Development_the_host_refuses_to_start_with_development_tokens_and_creates_no_key(string environment)
    {
        var error = await RefusedAsync(environment, new Dictionary<string, string?> { ["Auth:Issuer"] = null, ["Auth:SigningKeyPem"] = null });

        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", error, StringComparison.Ordinal);
        Assert.Contains($"'{environment}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public async Task Development_tokens_under_a_real_issuer_are_refused_and_create_no_key(string environment)
    {
        // The test host's default settings name the test issuer, as a deployment names its identity provider.
        var error = await RefusedAsync(environment, new Dictionary<string, string?>());

        Assert.Contains("Auth:Issuer", error, StringComparison.Ordinal);
        if (environment == "Development")
        {
            Assert.Contains(TestTokens.Issuer, error, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Starts a host with development tokens on, once with a gRPC service mapped (which resolves the token issuer
    /// while mapping) and once without (the start-up check); asserts both refuse without creating the key; returns why.
    /// </summary>
    private static async Task<string> RefusedAsync(string environment, Dictionary<string, string?> settings)
    {
        var data = Directory.CreateTempSubdirectory("ehub-devtokens-").FullName;
        try
        {
            settings["Auth:DevelopmentTokens"] = "true";
            settings["Persistence:DataDirectory"] = data;
            settings["Auth:DevelopmentKeyPath"] = Path.Combine(data, "dev.pem");
            var whileMapping = await Assert.ThrowsAsync<InvalidOperationException>(() => TestServiceHost.StartAsync(
                map: app => app.MapGrpcService<PlatformTestApi>(), environment: environment, settings: settings));
            var atStart = await Assert.ThrowsAsync<InvalidOperationException>(() => TestServiceHost.StartAsync(environment: environment, settings: settings));

            Assert.Equal(atStart.Message, whileMapping.Message);
            Assert.False(File.Exists(Path.Combine(data, "dev.pem")));
            return atStart.Message;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

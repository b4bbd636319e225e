using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Platform.Tests.Protos;
using EducationHub.ServiceDefaults.Auth;
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
            settings: new Dictionary<string, string?> { ["Auth:DevelopmentTokens"] = "true", ["Auth:SigningKeyPem"] = null, ["Auth:Issuer"] = null });
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
    public async Task Production_refuses_to_start_with_development_tokens_and_creates_no_key()
    {
        var data = Directory.CreateTempSubdirectory("ehub-prod-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestServiceHost.StartAsync(
                environment: "Production",
                settings: new Dictionary<string, string?> { ["Auth:DevelopmentTokens"] = "true", ["Persistence:DataDirectory"] = data, ["Auth:DevelopmentKeyPath"] = Path.Combine(data, "dev.pem") }));

            Assert.Contains("Production", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "dev.pem")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

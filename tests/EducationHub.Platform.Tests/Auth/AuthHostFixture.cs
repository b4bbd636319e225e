using EducationHub.Grpc;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Testing.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Auth;

/// <summary>One host serving <see cref="PlatformTestApi"/>, shared by the auth tests of a class.</summary>
public sealed class AuthHostFixture : IAsyncLifetime
{
    private TestServiceHost? _host;

    public TestServiceHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        _host = await TestServiceHost.StartAsync(map: app => app.MapGrpcService<PlatformTestApi>(), serviceName: "auth-tests");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

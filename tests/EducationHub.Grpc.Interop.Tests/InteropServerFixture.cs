using EducationHub.Testing.Interop;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// One real server per test class: Kestrel on 127.0.0.1:0, cleartext HTTP/2, serving the interop
/// TestService plus gRPC health and reflection (InteropTestServer maps them), exactly what
/// third-party clients will see.
/// </summary>
public sealed class InteropServerFixture : IAsyncLifetime
{
    private InteropTestServer? _server;

    /// <summary>host:port for the Python/Node clients.</summary>
    public string Target => Server.Target;

    public InteropTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await InteropTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

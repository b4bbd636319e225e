using EducationHub.Grpc.Client;
using EducationHub.Testing.Interop;

namespace EducationHub.Grpc.Tests;

/// <summary>One real Kestrel server with the interop TestService, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public InteropTestServer Server { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public GrpcClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await InteropTestServer.StartAsync();
        Channel = GrpcChannel.ForAddress(Server.Address);
        Client = new GrpcClient(Channel);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Server.DisposeAsync();
    }
}

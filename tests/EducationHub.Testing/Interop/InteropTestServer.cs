using EducationHub.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EducationHub.Testing.Interop;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, cleartext HTTP/2 only (prior knowledge,
/// as gRPC clients expect), serving the interop TestService plus health and reflection. Tests
/// can add services, interceptors and options through the callbacks.
/// </summary>
public sealed class InteropTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InteropTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public Uri Address { get; }

    /// <summary>host:port, as Python/Node clients want it.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public IServiceProvider Services => _app.Services;

    public static async Task<InteropTestServer> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null,
        bool mapTestService = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddEducationHubGrpc();
        configure?.Invoke(builder);
        var app = builder.Build();
        try
        {
            if (mapTestService)
            {
                app.MapGrpcService<TestServiceImpl>();
                app.MapGrpcHealthAndReflection();
            }

            map?.Invoke(app);
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InteropTestServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

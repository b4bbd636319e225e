using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EducationHub.ServiceDefaults.Hosting;

/// <summary>
/// The process's two listeners. After the host has started, <see cref="GrpcAddress"/> and
/// <see cref="WebAddress"/> give the addresses actually bound (port 0 in tests becomes a real port).
/// </summary>
public sealed class ServiceEndpoints
{
    private ListenOptions? _grpc;
    private ListenOptions? _web;

    internal ListenAddress? GrpcListen { get; set; }

    internal ListenAddress? WebListen { get; set; }

    /// <summary>The bound gRPC address, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public Uri GrpcAddress => Resolve(GrpcListen, _grpc, "gRPC");

    /// <summary>The bound web address, e.g. <c>http://127.0.0.1:5080</c>; throws when the web endpoint is disabled.</summary>
    public Uri WebAddress => Resolve(WebListen, _web, "web");

    public bool HasWebEndpoint => WebListen is not null;

    internal void Track(ListenOptions grpc) => _grpc = grpc;

    internal void TrackWeb(ListenOptions web) => _web = web;

    private static Uri Resolve(ListenAddress? address, ListenOptions? options, string name)
    {
        if (address is null)
        {
            throw new InvalidOperationException($"The {name} endpoint is disabled by configuration.");
        }

        // Kestrel writes the bound endpoint back into ListenOptions once it has bound the socket.
        var port = options?.IPEndPoint?.Port ?? 0;
        if (port == 0)
        {
            throw new InvalidOperationException($"The {name} endpoint is not bound yet: start the host first.");
        }

        return new Uri(address.ToUrl(port));
    }
}

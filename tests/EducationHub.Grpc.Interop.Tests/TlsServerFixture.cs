using System.Net;
using System.Security.Cryptography.X509Certificates;
using EducationHub.Testing.Interop;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// The interop server with an extra TLS endpoint (HTTP/2 only, so ALPN must agree on h2) using a
/// self-signed certificate whose PEM is written for the Python client to trust as its root.
/// </summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private InteropTestServer? _server;
    private X509Certificate2? _certificate;

    /// <summary>localhost:port of the TLS endpoint (the name the certificate is issued to).</summary>
    public string TlsTarget { get; private set; } = "";

    public string RootPemPath { get; } = Path.Combine(Path.GetTempPath(), $"ehub-interop-root-{Guid.NewGuid():N}.pem");

    public async Task InitializeAsync()
    {
        _certificate = TlsCertificate.CreateSelfSigned();
        await File.WriteAllTextAsync(RootPemPath, _certificate.ExportCertificatePem());
        _server = await InteropTestServer.StartAsync(configure: builder => builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(_certificate);
            })));
        var addresses = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var https = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        TlsTarget = $"localhost:{https.Port}";
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _certificate?.Dispose();
        File.Delete(RootPemPath);
    }
}

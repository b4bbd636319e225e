using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EducationHub.ServiceDefaults.Hosting;

/// <summary>Kestrel listeners from <see cref="HostingOptions"/>: a gRPC endpoint and a web endpoint.</summary>
internal static class KestrelSetup
{
    public static ServiceEndpoints AddServiceKestrel(this WebApplicationBuilder builder, HostingOptions options)
    {
        var endpoints = new ServiceEndpoints
        {
            GrpcListen = ListenAddress.Parse(options.GrpcUrl, "Hosting:GrpcUrl"),
            WebListen = string.IsNullOrWhiteSpace(options.WebUrl) ? null : ListenAddress.Parse(options.WebUrl, "Hosting:WebUrl"),
        };
        builder.Services.AddSingleton(endpoints);

        var certificate = new Lazy<X509Certificate2>(() => CertificateLoader.Load(options));
        if ((endpoints.GrpcListen.Https || endpoints.WebListen?.Https == true) && string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            throw new InvalidOperationException("An https:// listen URL needs Hosting:CertificatePath (PFX or PEM).");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var grpc = endpoints.GrpcListen;
            kestrel.Listen(grpc.Address, grpc.Port, listen =>
            {
                // Cleartext gRPC clients speak HTTP/2 with prior knowledge, which Kestrel only accepts on
                // an HTTP/2-only endpoint; with TLS, ALPN selects h2.
                listen.Protocols = HttpProtocols.Http2;
                if (grpc.Https)
                {
                    listen.UseHttps(certificate.Value);
                }

                endpoints.Track(listen);
            });

            if (endpoints.WebListen is { } web)
            {
                kestrel.Listen(web.Address, web.Port, listen =>
                {
                    // Browsers only use HTTP/2 over TLS; in cleartext the endpoint is HTTP/1.1 (which
                    // also keeps Kestrel from warning that h2 cannot be negotiated).
                    listen.Protocols = web.Https ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                    if (web.Https)
                    {
                        listen.UseHttps(certificate.Value);
                    }

                    endpoints.TrackWeb(listen);
                });
            }
        });

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        return endpoints;
    }
}

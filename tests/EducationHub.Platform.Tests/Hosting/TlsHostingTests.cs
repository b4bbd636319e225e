using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EducationHub.Grpc.Client;
using EducationHub.Grpc.Protocol.Health.V1;
using EducationHub.Testing.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Hosting;

/// <summary>
/// An https gRPC endpoint configured only through AddServiceDefaults' settings (Hosting:GrpcUrl,
/// Hosting:CertificatePath and Hosting:CertificateKeyPath, PEM files as a Kubernetes secret mounts
/// them) serves gRPC over TLS with HTTP/2 negotiated by ALPN.
/// </summary>
public sealed class TlsHostingTests
{
    [Fact]
    public async Task A_PEM_certificate_from_settings_serves_grpc_over_TLS_with_h2()
    {
        var directory = Directory.CreateTempSubdirectory("ehub-tls-").FullName;
        try
        {
            using var certificate = SelfSigned();
            var certificatePath = Path.Combine(directory, "tls.crt");
            var keyPath = Path.Combine(directory, "tls.key");
            await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

            await using var host = await TestServiceHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Hosting:GrpcUrl"] = "https://127.0.0.1:0",
                ["Hosting:CertificatePath"] = certificatePath,
                ["Hosting:CertificateKeyPath"] = keyPath,
            });
            Assert.Equal("https", host.GrpcAddress.Scheme);

            // The client trusts exactly the certificate written above, so the handshake proves the host loaded it.
            X509Certificate? presented = null;
            using var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, cert, _, _) =>
                    {
                        presented = cert;
                        return cert is not null && cert.GetCertHashString() == certificate.GetCertHashString();
                    },
                },
            };
            using var channel = GrpcChannel.ForAddress(host.GrpcAddress.ToString(), new GrpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = false });
            var reply = await new GrpcClient(channel).UnaryAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
            Assert.Equal(certificate.GetCertHashString(), presented?.GetCertHashString());

            using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.GrpcAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var response = await http.SendAsync(request);
            Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (response.StatusCode, response.Version));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}

namespace EducationHub.ServiceDefaults.Hosting;

/// <summary>Where and how the process listens; bound from the <c>Hosting</c> configuration section.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// The gRPC endpoint. <c>http://</c> is HTTP/2 only (prior-knowledge h2c, which is what gRPC clients
    /// speak in cleartext); <c>https://</c> negotiates h2 by ALPN and needs <see cref="CertificatePath"/>.
    /// Port 0 binds a free port (tests).
    /// </summary>
    public string GrpcUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>
    /// The browser/probe endpoint (HTTP/1.1 and HTTP/2): portal pages, dashboard, /healthz, /readyz.
    /// Empty disables it.
    /// </summary>
    public string? WebUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>PFX/PKCS#12 or PEM certificate used by every https endpoint.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX, or path of the PEM private key when the certificate is PEM.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>PEM private key file when <see cref="CertificatePath"/> is a PEM certificate without its key.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>How long in-flight calls may finish after SIGTERM before the process stops anyway.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}

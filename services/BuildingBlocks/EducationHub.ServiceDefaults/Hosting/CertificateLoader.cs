using System.Security.Cryptography.X509Certificates;

namespace EducationHub.ServiceDefaults.Hosting;

/// <summary>Loads the TLS certificate named by <see cref="HostingOptions"/> (PFX/PKCS#12 or PEM).</summary>
internal static class CertificateLoader
{
    public static X509Certificate2 Load(HostingOptions options)
    {
        var path = options.CertificatePath
            ?? throw new InvalidOperationException("Hosting:CertificatePath is required for https endpoints.");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Hosting:CertificatePath '{path}' does not exist.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }

        // PEM: the key is either in its own file or appended to the certificate file.
        var keyPath = options.CertificateKeyPath ?? path;
        var pem = string.IsNullOrEmpty(options.CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, keyPath);

        // Keys loaded from PEM are ephemeral, which SslStream rejects on some platforms; re-import as PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}

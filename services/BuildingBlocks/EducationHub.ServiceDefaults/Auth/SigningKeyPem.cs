using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>Reads public verification keys from PEM text: PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE blocks.</summary>
public static class SigningKeyPem
{
    public static IReadOnlyList<SecurityKey> ReadPublicKeys(string pem, string settingName)
    {
        var keys = new List<SecurityKey>();
        var remaining = pem.AsSpan();
        while (PemEncoding.TryFind(remaining, out var fields))
        {
            var label = remaining[fields.Label].ToString();
            var der = Convert.FromBase64String(remaining[fields.Base64Data].ToString());
            keys.Add(label switch
            {
                "PUBLIC KEY" => FromSubjectPublicKeyInfo(der),
                "RSA PUBLIC KEY" => FromRsaPublicKey(der),
                "CERTIFICATE" => FromCertificate(der),
                _ when label.Contains("PRIVATE", StringComparison.Ordinal) => throw new InvalidOperationException(
                    $"{settingName} holds a private key: give the server only the public key."),
                _ => throw new InvalidOperationException($"{settingName}: unsupported PEM block '{label}'."),
            });
            remaining = remaining[fields.Location.End..];
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"{settingName} contains no PEM public key.");
        }

        return keys;
    }

    /// <summary>A stable key id: the RFC 7638-like SHA-256 over the SubjectPublicKeyInfo, base64url, shortened.</summary>
    public static string KeyIdFor(byte[] subjectPublicKeyInfo) =>
        Base64UrlEncoder.Encode(SHA256.HashData(subjectPublicKeyInfo))[..22];

    private static SecurityKey FromSubjectPublicKeyInfo(byte[] der)
    {
        var kid = KeyIdFor(der);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            return new RsaSecurityKey(rsa) { KeyId = kid };
        }
        catch (CryptographicException)
        {
            // Not RSA: the only other family partners use is EC (ES256/ES384).
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        ec.ImportSubjectPublicKeyInfo(der, out _);
        return new ECDsaSecurityKey(ec) { KeyId = kid };
    }

    private static SecurityKey FromRsaPublicKey(byte[] der)
    {
        var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(der, out _);
        return new RsaSecurityKey(rsa) { KeyId = KeyIdFor(rsa.ExportSubjectPublicKeyInfo()) };
    }

    private static SecurityKey FromCertificate(byte[] der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        if (certificate.GetRSAPublicKey() is { } rsa)
        {
            return new RsaSecurityKey(rsa) { KeyId = KeyIdFor(rsa.ExportSubjectPublicKeyInfo()) };
        }

        if (certificate.GetECDsaPublicKey() is { } ec)
        {
            return new ECDsaSecurityKey(ec) { KeyId = KeyIdFor(ec.ExportSubjectPublicKeyInfo()) };
        }

        throw new InvalidOperationException("The PEM certificate has neither an RSA nor an EC public key.");
    }
}

using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// The development signing key: an EC P-256 private key kept as PEM in a file, created on first use so
/// that the server and <c>ehub token</c> (another process) sign and verify with the same key.
/// </summary>
public static class DevSigningKey
{
    public static ECDsaSecurityKey LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Create(full);
        }

        var ec = ECDsa.Create();
        ec.ImportFromPem(File.ReadAllText(full));
        return new ECDsaSecurityKey(ec) { KeyId = SigningKeyPem.KeyIdFor(ec.ExportSubjectPublicKeyInfo()) };
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Whoever can read this file can mint tokens for any organisation.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, options))
        {
            writer.Write(ec.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            // Two processes may start at once: the first rename wins and both then read the same key.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}

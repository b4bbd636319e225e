using System.Security.Cryptography;
using System.Text.Json;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// Builds the master key ring and the receipt pepper from configuration. When neither is
/// configured (the embedded one-machine default), a local key file is created once with
/// owner-only permissions, so a developer's install works and survives restarts.
/// </summary>
public static class KeyMaterial
{
    public static (MasterKeyRing Keys, byte[] Pepper, bool FromLocalFile) Load(WhistleblowingOptions options)
    {
        var encryption = options.Encryption;
        var configured = encryption.MasterKeys.Count > 0 || !string.IsNullOrEmpty(options.Receipt.Pepper);
        if (configured)
        {
            if (encryption.MasterKeys.Count == 0 || string.IsNullOrEmpty(options.Receipt.Pepper))
            {
                throw new InvalidOperationException("Configure both Whistleblowing:Encryption:MasterKeys and Whistleblowing:Receipt:Pepper, or neither (local key file).");
            }

            var keys = encryption.MasterKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
            var active = encryption.ActiveKeyId ?? (keys.Count == 1 ? keys.Keys.Single() : throw new InvalidOperationException("Whistleblowing:Encryption:ActiveKeyId is required when several master keys are configured."));
            return (new MasterKeyRing(active, keys), Convert.FromBase64String(options.Receipt.Pepper!), false);
        }

        var file = LoadOrCreateLocalFile(encryption.LocalKeyFile);
        return (new MasterKeyRing(file.ActiveKeyId, new Dictionary<string, byte[]> { [file.ActiveKeyId] = Convert.FromBase64String(file.MasterKey) }),
            Convert.FromBase64String(file.Pepper), true);
    }

    private static LocalKeyFile LoadOrCreateLocalFile(string path)
    {
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<LocalKeyFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"Unreadable key file {path}.");
        }

        var created = new LocalKeyFile(
            "local-" + DateTime.UtcNow.ToString("yyyyMMdd"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, fileOptions))
        {
            JsonSerializer.Serialize(stream, created);
        }

        return created;
    }

    private sealed record LocalKeyFile(string ActiveKeyId, string MasterKey, string Pepper);
}

using System.Security.Cryptography;
using System.Text;
using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// The master keys that wrap per-case data keys (envelope encryption). Only wrapped data keys
/// and the key id reach the database; the master keys live in configuration/secrets.
/// </summary>
public sealed class MasterKeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    public MasterKeyRing(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        foreach (var (id, key) in keys)
        {
            if (key.Length != 32)
            {
                throw new ArgumentException($"Master key '{id}' must be 32 bytes (AES-256), not {key.Length}.", nameof(keys));
            }
        }

        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active master key '{activeKeyId}' is not among the configured keys.", nameof(activeKeyId));
        }

        ActiveKeyId = activeKeyId;
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Wraps a fresh data key under the active master key.</summary>
    public SealedDataKey Wrap(ReadOnlySpan<byte> dataKey)
    {
        var master = _keys[ActiveKeyId];
        var sealedKey = AesGcmBox.Seal(master, dataKey, Aad(ActiveKeyId));
        return new SealedDataKey(ActiveKeyId, sealedKey);
    }

    public byte[] Unwrap(SealedDataKey sealedKey)
    {
        if (!_keys.TryGetValue(sealedKey.MasterKeyId, out var master))
        {
            throw new CryptographicException($"Master key '{sealedKey.MasterKeyId}' is not configured; it is needed until rotation has re-wrapped every case.");
        }

        return AesGcmBox.Open(master, sealedKey.WrappedKey, Aad(sealedKey.MasterKeyId));
    }

    /// <summary>Re-wraps a data key under the active master key (rotation); the data itself is not touched.</summary>
    public SealedDataKey Rewrap(SealedDataKey sealedKey)
    {
        var dataKey = Unwrap(sealedKey);
        try
        {
            return Wrap(dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// A sub-key of every configured master key for one purpose (HKDF-SHA256), keyed by master key id.
    /// Whoever holds a sub-key also holds its master key, so a value keyed under it is exactly as
    /// exposed as the data keys that master key wraps.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> DeriveSubkeys(string purpose) =>
        _keys.ToDictionary(k => k.Key, k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k.Value, 32, info: Encoding.UTF8.GetBytes("ehub.whistleblowing.subkey/" + purpose)), StringComparer.Ordinal);

    // Binding the key id into the tag stops a wrapped key being relabelled with another id.
    private static byte[] Aad(string keyId) => Encoding.UTF8.GetBytes("ehub.whistleblowing.datakey/" + keyId);
}

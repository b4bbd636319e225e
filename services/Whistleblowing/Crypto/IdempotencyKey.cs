using System.Security.Cryptography;
using System.Text;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// A client's idempotency key (22 to 64 base64url characters, at least 128 random bits) and what
/// the service derives from it. The database keeps only <see cref="Hash"/> (SHA-256, the lookup)
/// and values sealed or MACed under HKDF sub-keys of the key itself, so a copy of the database
/// cannot open a stored response nor test a guessed request against it: that needs the key, which
/// only the client (the reporter's browser, through the portal) holds. Dispose to wipe the sub-keys.
/// </summary>
public sealed class IdempotencyKey : IDisposable
{
    public const int MinLength = 22;
    public const int MaxLength = 64;

    public const string FormatDescription = "must be empty, or 22 to 64 base64url characters (A-Z, a-z, 0-9, '-', '_') made from at least 128 random bits";

    private readonly byte[] _sealingKey;
    private readonly byte[] _fingerprintKey;

    private IdempotencyKey(string value)
    {
        var secret = Encoding.ASCII.GetBytes(value);
        Hash = SHA256.HashData(secret);
        _sealingKey = Derive(secret, "seal.v1");
        _fingerprintKey = Derive(secret, "request.v1");
        CryptographicOperations.ZeroMemory(secret);
    }

    /// <summary>SHA-256 of the key: the stored lookup (unique), which reveals nothing of the key or what it protects.</summary>
    public byte[] Hash { get; }

    /// <summary>The format check (not the randomness, which only the client can guarantee; 22 characters hold 132 bits).</summary>
    public static bool IsWellFormed(string value) =>
        value.Length is >= MinLength and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Null for an empty key (no idempotency asked for); a malformed one is refused here as in validation.</summary>
    public static IdempotencyKey? FromOptional(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return IsWellFormed(value) ? new IdempotencyKey(value) : throw new ArgumentException("The idempotency key " + FormatDescription + ".", nameof(value));
    }

    public byte[] Seal(string purpose, ReadOnlySpan<byte> plaintext) => AesGcmBox.Seal(_sealingKey, plaintext, Aad(purpose));

    public byte[] Open(string purpose, byte[] sealedData) => AesGcmBox.Open(_sealingKey, sealedData, Aad(purpose));

    /// <summary>A keyed digest of a request (HMAC-SHA256), to tell a true repeat from another request sent with the same key.</summary>
    public RequestFingerprint NewFingerprint() => new(_fingerprintKey);

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_sealingKey);
        CryptographicOperations.ZeroMemory(_fingerprintKey);
    }

    private static byte[] Derive(byte[] secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("ehub.whistleblowing.idempotency/" + purpose));

    private static byte[] Aad(string purpose) => Encoding.UTF8.GetBytes("ehub.whistleblowing.idempotency/" + purpose);
}

using System.Security.Cryptography;
using System.Text;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// Slow hashes for receipt codes and passphrases (PBKDF2-HMAC-SHA256).
/// The code's hash doubles as its lookup key (as SecureDrop does with its codenames), salted with
/// a per-deployment secret pepper that never enters the database: a login costs one slow hash
/// and one indexed lookup, never a scan, and a stolen database alone cannot be searched at all.
/// Passphrases get a random per-case salt. Both are computed by ReceiptHashingWorker, off the
/// submission's request path; logins compute them inline. Arithmetic in docs/whistleblowing.md.
/// </summary>
public sealed class ReceiptHasher
{
    private const int HashBytes = 32;
    private readonly byte[] _indexSalt;
    private readonly int _iterations;
    private long _derivations;

    public ReceiptHasher(byte[] pepper, int iterations)
    {
        if (pepper.Length < 32)
        {
            throw new ArgumentException("The receipt pepper must be at least 32 bytes.", nameof(pepper));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        // Domain-separate the pepper's use, so the same secret could never collide with another purpose.
        _indexSalt = HMACSHA256.HashData(pepper, "ehub.whistleblowing.receipt-index.v1"u8);
        _iterations = iterations;
    }

    /// <summary>
    /// Slow derivations computed so far. Logins must cost the same whatever state their code is in
    /// (hashed, pending, unknown); the tests check that through this count, not through timings.
    /// </summary>
    public long Derivations => Interlocked.Read(ref _derivations);

    public byte[] IndexOf(string normalisedCode) => Pbkdf2(Encoding.ASCII.GetBytes(normalisedCode), _indexSalt);

    public (byte[] Salt, byte[] Hash) HashPassphrase(string passphrase)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Derive(passphrase, salt));
    }

    public bool VerifyPassphrase(string passphrase, byte[] salt, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Derive(passphrase, salt), expected);

    /// <summary>Spends the same time as a real verification, so a wrong code and a wrong passphrase look alike.</summary>
    public void BurnEquivalentWork() => Derive("not a passphrase", new byte[16]);

    private byte[] Derive(string passphrase, byte[] salt) => Pbkdf2(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)), salt);

    private byte[] Pbkdf2(byte[] secret, byte[] salt)
    {
        Interlocked.Increment(ref _derivations);
        return Rfc2898DeriveBytes.Pbkdf2(secret, salt, _iterations, HashAlgorithmName.SHA256, HashBytes);
    }
}

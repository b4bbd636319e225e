using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EducationHub.Whistleblowing.Crypto;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// A new report's receipt code and optional passphrase, sealed under the case's data key until
/// the background worker has replaced them with their slow hashes (then the sealed form is erased).
/// Anyone able to open it could open the report itself: it adds no new way in.
/// </summary>
public sealed record PendingReceipt(string Code, string? Passphrase)
{
    public byte[] Seal(CaseCipher cipher) => cipher.Encrypt(Purpose.PendingReceipt, JsonSerializer.SerializeToUtf8Bytes(this));

    public static PendingReceipt Open(CaseCipher cipher, byte[] sealedReceipt) =>
        JsonSerializer.Deserialize<PendingReceipt>(cipher.Decrypt(Purpose.PendingReceipt, sealedReceipt))
        ?? throw new InvalidOperationException("Empty pending receipt.");

    /// <summary>
    /// Same rule as the hashed form: the code must match, and the passphrase only when one was
    /// set. Compared in constant time (through SHA-256, so lengths do not show either).
    /// </summary>
    public bool Accepts(string normalisedCode, string? passphrase)
    {
        var codeMatches = CryptographicOperations.FixedTimeEquals(Digest(Code), Digest(normalisedCode));
        var passphraseMatches = Passphrase is null
            || (!string.IsNullOrEmpty(passphrase) & CryptographicOperations.FixedTimeEquals(Digest(Passphrase), Digest(passphrase ?? string.Empty)));
        return codeMatches & passphraseMatches;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value.Normalize(NormalizationForm.FormC)));
}

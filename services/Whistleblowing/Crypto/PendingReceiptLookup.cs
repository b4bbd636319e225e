using System.Security.Cryptography;
using System.Text;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// The fast lookup key of a receipt code whose slow hash is still pending (seconds after the
/// submission, until <c>ReceiptHashingService</c> replaces it): HMAC-SHA256 under a sub-key of a
/// master key. Fast on purpose, so the PBKDF2 is off the submission's request path; safe because
/// the HMAC key derives from the same master key that opens the pending code itself (and the
/// report), so the lookup lets no one test guesses who could not read the code anyway. The
/// pepper alone does not help: it plays no part here. See docs/whistleblowing.md.
/// </summary>
public sealed class PendingReceiptLookup
{
    private readonly byte[] _activeKey;
    private readonly byte[][] _allKeys;

    public PendingReceiptLookup(MasterKeyRing keys)
    {
        var subkeys = keys.DeriveSubkeys("pending-receipt-lookup.v1");
        _activeKey = subkeys[keys.ActiveKeyId];
        // Fixed order so every login does the same work whatever the code.
        _allKeys = subkeys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value).ToArray();
    }

    /// <summary>The lookup stored with a new submission (active master key).</summary>
    public byte[] Of(string normalisedCode) => HMACSHA256.HashData(_activeKey, Encoding.ASCII.GetBytes(normalisedCode));

    /// <summary>
    /// The lookup under every configured master key: a submission made before a key change can
    /// still be found while it waits for its slow hash.
    /// </summary>
    public IReadOnlyList<byte[]> Candidates(string normalisedCode)
    {
        var code = Encoding.ASCII.GetBytes(normalisedCode);
        return _allKeys.Select(key => HMACSHA256.HashData(key, code)).ToList();
    }
}

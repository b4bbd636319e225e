using System.Security.Cryptography;
using System.Text;
using EducationHub.Whistleblowing.Crypto;
using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Tests;

public sealed class CryptoUnitTests
{
    [Fact]
    public void Receipt_codes_are_16_digits_and_accept_spaces_and_hyphens_on_entry()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => ReceiptCode.Generate()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9]{16}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every digit value appears in every position over many codes (no stuck digits).
        Assert.All(Enumerable.Range(0, 16), i => Assert.True(codes.Select(c => c[i]).Distinct().Count() >= 8));

        Assert.Equal("1234567812345678", ReceiptCode.Normalise(" 1234 5678-1234\u00A05678 "));
        Assert.Null(ReceiptCode.Normalise("123456781234567"));
        Assert.Null(ReceiptCode.Normalise("12345678123456789"));
        Assert.Null(ReceiptCode.Normalise("1234abcd12345678"));
        Assert.Equal("1234 5678 1234 5678", ReceiptCode.Format("1234567812345678"));
    }

    [Fact]
    public void The_receipt_index_depends_on_the_pepper_and_passphrases_verify_only_with_their_salt()
    {
        var a = new ReceiptHasher(RandomNumberGenerator.GetBytes(32), 1000);
        var b = new ReceiptHasher(RandomNumberGenerator.GetBytes(32), 1000);
        Assert.Equal(a.IndexOf("1234567812345678"), a.IndexOf("1234567812345678"));
        Assert.NotEqual(a.IndexOf("1234567812345678"), b.IndexOf("1234567812345678"));

        var (salt, hash) = a.HashPassphrase("correct horse battery");
        Assert.True(a.VerifyPassphrase("correct horse battery", salt, hash));
        Assert.False(a.VerifyPassphrase("correct horse batterY", salt, hash));
        Assert.NotEqual(hash, a.HashPassphrase("correct horse battery").Hash);
        Assert.Equal(600_000, new EducationHub.Whistleblowing.ReceiptOptions().Iterations);
    }

    [Fact]
    public void Ciphertexts_are_bound_to_their_case_and_purpose_and_tampering_is_detected()
    {
        var key = CaseCipher_NewKey();
        var caseA = Guid.NewGuid();
        using var cipher = new EducationHub.Whistleblowing.Crypto.CaseCipher(key.ToArray(), caseA);
        var sealedText = cipher.EncryptText("content", "the secret");
        Assert.Equal("the secret", cipher.DecryptText("content", sealedText));
        Assert.DoesNotContain("the secret", Encoding.UTF8.GetString(sealedText), StringComparison.Ordinal);

        Assert.ThrowsAny<CryptographicException>(() => cipher.DecryptText("identity", sealedText));
        using var other = new EducationHub.Whistleblowing.Crypto.CaseCipher(key.ToArray(), Guid.NewGuid());
        Assert.ThrowsAny<CryptographicException>(() => other.DecryptText("content", sealedText));
        sealedText[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.DecryptText("content", sealedText));
    }

    [Fact]
    public void Rewrapping_moves_a_data_key_to_the_active_master_key_without_changing_it()
    {
        var k1 = RandomNumberGenerator.GetBytes(32);
        var k2 = RandomNumberGenerator.GetBytes(32);
        var old = new MasterKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = k1 });
        var both = new MasterKeyRing("k2", new Dictionary<string, byte[]> { ["k1"] = k1, ["k2"] = k2 });
        var onlyNew = new MasterKeyRing("k2", new Dictionary<string, byte[]> { ["k2"] = k2 });

        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = old.Wrap(dataKey);
        var rewrapped = both.Rewrap(wrapped);
        Assert.Equal("k2", rewrapped.MasterKeyId);
        Assert.Equal(dataKey, onlyNew.Unwrap(rewrapped));
        Assert.ThrowsAny<CryptographicException>(() => onlyNew.Unwrap(wrapped));
        // A wrapped key relabelled with another key id does not open.
        Assert.ThrowsAny<CryptographicException>(() => both.Unwrap(new SealedDataKey("k1", rewrapped.WrappedKey)));
    }

    private static byte[] CaseCipher_NewKey() => EducationHub.Whistleblowing.Crypto.CaseCipher.NewDataKey();
}

using System.Security.Cryptography;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce. Layout: version(1) | nonce(12) | tag(16) | ciphertext.
/// Random nonces are safe here: each data key encrypts a few dozen values, far below the 2^32 limit.
/// </summary>
public static class AesGcmBox
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), associatedData);
        return output;
    }

    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        if (sealedData.Length < HeaderSize || sealedData[0] != Version)
        {
            throw new CryptographicException("Not a sealed value of a known version.");
        }

        var plaintext = new byte[sealedData.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData.Slice(1, NonceSize), sealedData[HeaderSize..], sealedData.Slice(1 + NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}

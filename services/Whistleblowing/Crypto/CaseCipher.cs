using System.Security.Cryptography;
using System.Text;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// Encrypts one case's values under its data key. Each value is bound to its case and purpose
/// (associated data), so a ciphertext cannot be moved to another case or field undetected.
/// Dispose to wipe the data key from memory.
/// </summary>
public sealed class CaseCipher : IDisposable
{
    private readonly byte[] _dataKey;
    private readonly Guid _caseId;

    public CaseCipher(byte[] dataKey, Guid caseId)
    {
        _dataKey = dataKey;
        _caseId = caseId;
    }

    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    public byte[] Encrypt(string purpose, ReadOnlySpan<byte> plaintext) => AesGcmBox.Seal(_dataKey, plaintext, Aad(purpose));

    public byte[] EncryptText(string purpose, string plaintext) => Encrypt(purpose, Encoding.UTF8.GetBytes(plaintext));

    public byte[] Decrypt(string purpose, byte[] cipher) => AesGcmBox.Open(_dataKey, cipher, Aad(purpose));

    public string DecryptText(string purpose, byte[] cipher) => Encoding.UTF8.GetString(Decrypt(purpose, cipher));

    public void Dispose() => CryptographicOperations.ZeroMemory(_dataKey);

    private byte[] Aad(string purpose) => Encoding.UTF8.GetBytes($"ehub.whistleblowing/{_caseId:N}/{purpose}");
}

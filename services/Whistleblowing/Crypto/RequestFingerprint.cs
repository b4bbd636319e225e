using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// HMAC-SHA256 over a request's fields, each length-prefixed (so "ab"+"c" and "a"+"bc" differ, and
/// null differs from empty). Keyed by the idempotency key: an unkeyed hash of a report would let
/// whoever holds the database confirm a guess at its text.
/// </summary>
public sealed class RequestFingerprint : IDisposable
{
    private readonly IncrementalHash _hmac;

    internal RequestFingerprint(byte[] key) => _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    public RequestFingerprint Add(ReadOnlySpan<byte> value)
    {
        Length(value.Length);
        _hmac.AppendData(value);
        return this;
    }

    public RequestFingerprint Add(string? value) => value is null ? Length(-1) : Add(Encoding.UTF8.GetBytes(value));

    public byte[] Finish() => _hmac.GetHashAndReset();

    public void Dispose() => _hmac.Dispose();

    private RequestFingerprint Length(int length)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        _hmac.AppendData(prefix);
        return this;
    }
}

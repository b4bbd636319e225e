using System.Text;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// Ordinal string keys that can also be looked up by their UTF-8 bytes (<see cref="StringPool"/>):
/// a string hashes as its UTF-8 encoding does, so a key read from a database buffer is found
/// without decoding it to UTF-16 first.
/// </summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    public static readonly Utf8KeyComparer Instance = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    // Keys are the pool's short strings, so this is called only when one is added or the table grows.
    public int GetHashCode(string key)
    {
        var length = Encoding.UTF8.GetByteCount(key);
        Span<byte> utf8 = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(key, utf8);
        return GetHashCode((ReadOnlySpan<byte>)utf8);
    }

    public int GetHashCode(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }

    public bool Equals(ReadOnlySpan<byte> utf8, string key)
    {
        if (System.Text.Ascii.Equals(utf8, key)) return true;
        // Not both ASCII (or different): compare encodings. Bytes that are not valid UTF-8 never equal a key.
        if (utf8.Length < key.Length || Encoding.UTF8.GetByteCount(key) != utf8.Length) return false;
        Span<byte> encoded = utf8.Length <= 512 ? stackalloc byte[utf8.Length] : new byte[utf8.Length];
        Encoding.UTF8.GetBytes(key, encoded);
        return utf8.SequenceEqual(encoded);
    }

    public string Create(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}

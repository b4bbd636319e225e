using System.Text;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// One string instance per distinct short value while a month is read: the timeline's producer,
/// category, level, detail, organisation and model version take a few hundred values over a
/// million rows, so a lookup by the stored UTF-8 bytes replaces a new string per row (most of what
/// reading allocated). The lookup hashes and compares the bytes as they are, without decoding them
/// first. Bounded, so an unexpectedly varied column costs a string per row again, nothing more.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longest value pooled, in UTF-8 bytes.</summary>
    public const int MaxLength = 128;
    private const int MaxEntries = 4096;

    private readonly Dictionary<string, string> _strings = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<byte>> _byUtf8;

    public StringPool() => _byUtf8 = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The string <paramref name="utf8"/> encodes, the same instance for the same bytes while they are pooled.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        if (_byUtf8.TryGetValue(utf8, out var pooled)) return pooled;
        var created = Encoding.UTF8.GetString(utf8);
        if (_strings.Count < MaxEntries) _strings[created] = created;
        return created;
    }
}

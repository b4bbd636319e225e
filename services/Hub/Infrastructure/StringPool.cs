using System.Text;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// One string instance per distinct short value while a month is read: the timeline's producer,
/// category, level, detail, organisation and model version take a few dozen values over a million
/// rows, so a lookup by the stored UTF-8 bytes replaces a new string per row (most of what reading
/// allocated). Bounded, so an unexpectedly varied column costs a string per row again, nothing more.
/// </summary>
public sealed class StringPool
{
    private const int MaxLength = 128;
    private const int MaxEntries = 4096;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];
        if (_bySpan.TryGetValue(text, out var pooled)) return pooled;
        var created = new string(text);
        if (_strings.Count < MaxEntries) _strings[created] = created;
        return created;
    }
}

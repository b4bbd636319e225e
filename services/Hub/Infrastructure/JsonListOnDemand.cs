using System.Collections;
using System.Text.Json;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A stored JSON array read only when someone looks at it. A month's list reads every risk
/// assessment on every timeline but words only each school's latest, so parsing the reasons of
/// all the others would be wasted work.
/// </summary>
/// <remarks>
/// No <see cref="Lazy{T}"/>: with its delegate and closure it was most of this object's size, and
/// there is one per risk assessment read. Two threads may both parse; the first result is kept for all.
/// </remarks>
public sealed class JsonListOnDemand<T>(string json) : IReadOnlyList<T>
{
    private List<T>? _items;

    private List<T> Items => _items ?? Parsed();

    public T this[int index] => Items[index];

    public int Count => Items.Count;

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<T> Parsed()
    {
        var parsed = JsonSerializer.Deserialize<List<T>>(json) ?? [];
        return Interlocked.CompareExchange(ref _items, parsed, null) ?? parsed;
    }
}

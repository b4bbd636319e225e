using System.Collections;
using System.Text.Json;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A stored JSON array read only when someone looks at it. A month's list reads every risk
/// assessment on every timeline but words only each school's latest, so parsing the reasons of
/// all the others would be wasted work.
/// </summary>
public sealed class JsonListOnDemand<T>(string json) : IReadOnlyList<T>
{
    private readonly Lazy<List<T>> _items = new(() => JsonSerializer.Deserialize<List<T>>(json) ?? [], LazyThreadSafetyMode.PublicationOnly);

    public T this[int index] => _items.Value[index];

    public int Count => _items.Value.Count;

    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

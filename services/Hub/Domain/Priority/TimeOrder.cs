namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// The order <c>OrderBy(key)</c> gives, without sorting when the items are already in it. A
/// school's timeline arrives in time order, so the notices, cases and complaints gathered from it
/// almost always are too; checking costs one pass, while sorting allocates buffers and key arrays
/// for every school of every month scored.
/// </summary>
internal static class TimeOrder
{
    public static IEnumerable<T> By<T, TKey>(IEnumerable<T> items, Func<T, TKey> key)
    {
        var comparer = Comparer<TKey>.Default;
        var first = true;
        TKey previous = default!;
        foreach (var item in items)
        {
            var current = key(item);
            if (!first && comparer.Compare(previous, current) > 0) return items.OrderBy(key);
            previous = current;
            first = false;
        }
        return items;
    }
}

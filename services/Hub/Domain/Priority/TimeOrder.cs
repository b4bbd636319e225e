namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// The order <c>OrderBy(key)</c> gives, without sorting when the items are already in it. A
/// school's timeline arrives in time order, so the notices, cases and complaints gathered from it
/// almost always are too; checking costs one pass, while sorting allocates buffers and key arrays
/// for every school of every month scored.
/// </summary>
internal static class TimeOrder
{
    /// <summary>Puts <paramref name="items"/> in the order <c>OrderBy(key)</c> gives (stable), in place; nothing allocated when already in it.</summary>
    public static void Sort<T, TKey>(List<T> items, Func<T, TKey> key)
    {
        var comparer = Comparer<TKey>.Default;
        for (var i = 1; i < items.Count; i++)
        {
            if (comparer.Compare(key(items[i - 1]), key(items[i])) <= 0) continue;
            var ordered = items.OrderBy(key).ToList();
            items.Clear();
            items.AddRange(ordered);
            return;
        }
    }
}

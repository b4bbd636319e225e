using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Names what the process allocates while it listens: the runtime samples an allocation about every
/// 100 KB (GCAllocationTick, with the type of the object that crossed the mark), so the samples'
/// amounts by type are an unbiased estimate of where the bytes go. "KB allocated per event" alone
/// says how much, not what. Opt-in (EHUB_BENCH_ALLOC_TRACE), since the GC events cost CPU themselves.
/// </summary>
public sealed class AllocationTrace() : RuntimeEventListener(EventLevel.Verbose, GcKeyword)
{
    private const int AllocationTick = 10;

    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _listening;

    public void Start()
    {
        _bytes.Clear();
        _listening = true;
    }

    /// <summary>Stops and returns the types with the most sampled bytes, most first, and the sampled total.</summary>
    public (IReadOnlyList<(string Type, long Bytes)> Top, long Total) Stop(int top)
    {
        _listening = false;
        var rows = _bytes.Select(kv => (Type: kv.Key, Bytes: kv.Value)).ToList();
        return (rows.OrderByDescending(r => r.Bytes).ThenBy(r => r.Type, StringComparer.Ordinal).Take(top).ToList(), rows.Sum(r => r.Bytes));
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_listening || e.EventId != AllocationTick || e.Payload is null || e.PayloadNames is null)
            return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t]?.ToString() ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0
            ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}

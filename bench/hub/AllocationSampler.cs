using System.Diagnostics.Tracing;

namespace EducationHub.Bench.Hub;

/// <summary>
/// What a phase allocates, by type: the runtime's GC AllocationTick event fires about once per
/// 100 KB allocated and names the type that crossed the line, so the counts are a sample
/// proportional to bytes. Only for finding what to cut (EHUB_BENCH_ALLOC_TYPES=1 on the scoring
/// probe); the timed figures are measured without it.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GcKeyword = 0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _sampling;

    public void Start() => _sampling = true;

    public IReadOnlyList<(string Type, long Bytes)> Stop(int top)
    {
        _sampling = false;
        lock (_bytesByType)
            return _bytesByType.OrderByDescending(kv => kv.Value).Take(top).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_sampling || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytesByType) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
    }
}

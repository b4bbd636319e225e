using System.Collections.Concurrent;
using System.Diagnostics;
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
    private static readonly TimeSpan MaxDeliveryWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<(DateTime At, string Type, long Bytes)> _samples = new();
    private long _newestTicks;
    private DateTime _from;

    public void Start()
    {
        _samples.Clear();
        _from = DateTime.UtcNow;
    }

    /// <summary>
    /// Returns the types with the most sampled bytes since Start, most first, the sampled total, and whether every
    /// sample of the window arrived. Samples are counted by when they were taken, not when they arrived: the runtime
    /// hands them to listeners from its own dispatch thread, late (later still on a busy machine), so a flag set at
    /// the window's edges lost the end of a window and could lose a short one altogether.
    /// </summary>
    public (IReadOnlyList<(string Type, long Bytes)> Top, long Total, bool Complete) Stop(int top)
    {
        var until = DateTime.UtcNow;
        var complete = WaitForSamplesUntil(until);
        var rows = _samples.Where(s => s.At >= _from && s.At < until)
            .GroupBy(s => s.Type, StringComparer.Ordinal)
            .Select(g => (Type: g.Key, Bytes: g.Sum(s => s.Bytes)))
            .ToList();
        return (rows.OrderByDescending(r => r.Bytes).ThenBy(r => r.Type, StringComparer.Ordinal).Take(top).ToList(), rows.Sum(r => r.Bytes), complete);
    }

    /// <summary>
    /// Waits until a sample taken after <paramref name="until"/> has arrived: the dispatch thread delivers in order,
    /// so every earlier one has then arrived too. Allocating here is what makes the next sample happen when the
    /// process is otherwise idle; it comes after the window, so it is not counted.
    /// </summary>
    private bool WaitForSamplesUntil(DateTime until)
    {
        var waited = Stopwatch.StartNew();
        while (new DateTime(Volatile.Read(ref _newestTicks), DateTimeKind.Utc) < until)
        {
            if (waited.Elapsed > MaxDeliveryWait)
                return false;
            GC.KeepAlive(new byte[16 * 1024]);
            Thread.Sleep(5);
        }
        return true;
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTick || e.Payload is null || e.PayloadNames is null)
            return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t]?.ToString() ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0
            ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var at = e.TimeStamp.ToUniversalTime();
        _samples.Enqueue((at, type, amount));
        Volatile.Write(ref _newestTicks, at.Ticks);
    }
}

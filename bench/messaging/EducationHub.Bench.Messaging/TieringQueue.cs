using System.Diagnostics.Tracing;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// How many methods wait for the runtime's background tier-1 compiler, as the runtime last
/// reported it (TieredCompilationBackgroundJitStart/Stop events). The JIT count of a warm-up round
/// cannot say whether tiering has settled: after the end-to-end path's first round about 9,000
/// methods were queued and the worker, sharing 2 busy cores with the benchmark, drained 100-500
/// per round, so a round could compile few methods while thousands still waited and the measured
/// run then paid for them. Only these events cost (a few per 10 ms of compiling), so it is always on.
/// </summary>
public sealed class TieringQueue() : RuntimeEventListener(EventLevel.Informational, TieredCompilationKeyword)
{
    private const int BackgroundJitStart = 283;
    private const int BackgroundJitStop = 284;

    private long _pending;
    private long _reportedAt = Environment.TickCount64;

    /// <summary>Methods queued for tier 1 at the worker's last start or stop.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Waits while the worker is draining the queue, up to <paramref name="limit"/>; returns the methods still pending.</summary>
    public async Task<long> DrainAsync(long below, TimeSpan limit)
    {
        var until = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        // The worker reports nothing once the queue is empty or it has stopped: a quiet second ends the wait.
        while (Pending >= below && Environment.TickCount64 < until && Environment.TickCount64 - Interlocked.Read(ref _reportedAt) < 1_000)
            await Task.Delay(100);
        return Pending;
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId is not (BackgroundJitStart or BackgroundJitStop) || e.Payload is null || e.PayloadNames is null)
            return;
        var i = e.PayloadNames.IndexOf("PendingMethodCount");
        if (i < 0)
            return;
        Interlocked.Exchange(ref _pending, Convert.ToInt64(e.Payload[i], System.Globalization.CultureInfo.InvariantCulture));
        Interlocked.Exchange(ref _reportedAt, Environment.TickCount64);
    }
}

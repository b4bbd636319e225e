using System.Diagnostics;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Numbers and time-stamps writes that arrive without a sequence of their own: an external load
/// generator (h2load) sends the same request body every time, so the server gives each call its
/// sequence and start time on arrival, and latency for those runs is measured from there.
/// </summary>
public sealed class ServerSideStarts
{
    private StageClock? _clock;
    private int _next = -1;

    /// <summary>Starts numbering from 0 for a run recorded on <paramref name="clock"/>.</summary>
    public void Begin(StageClock clock)
    {
        Volatile.Write(ref _next, -1);
        Volatile.Write(ref _clock, clock);
    }

    public (int Sequence, long StartedTicks) Next()
    {
        var sequence = Interlocked.Increment(ref _next);
        var started = Stopwatch.GetTimestamp();
        Volatile.Read(ref _clock)?.Stamp(Stage.Started, sequence, started);
        return (sequence, started);
    }

    public void Written(int sequence) => Volatile.Read(ref _clock)?.Stamp(Stage.Written, sequence);
}

using System.Diagnostics;

namespace EducationHub.Bench.Messaging;

/// <summary>The points an event passes on its way; each is stamped once per event (by its sequence number).</summary>
public enum Stage
{
    Started,
    Written,
    Published,
    ConsumeStarted,
    Consumed,
}

/// <summary>
/// Stopwatch timestamps per event and stage, so a run can say where the time went: how fast each
/// stage completed events (its own first-to-last rate) and how long events waited between stages.
/// </summary>
public sealed class StageClock(int events)
{
    private readonly long[][] _ticks = Enum.GetValues<Stage>().Select(_ => new long[events]).ToArray();

    public void Stamp(Stage stage, int sequence)
    {
        if ((uint)sequence < (uint)events)
            _ticks[(int)stage][sequence] = Stopwatch.GetTimestamp();
    }

    public void Stamp(Stage stage, int sequence, long ticks)
    {
        if ((uint)sequence < (uint)events)
            _ticks[(int)stage][sequence] = ticks;
    }

    /// <summary>Milliseconds from <paramref name="from"/> to <paramref name="to"/> per event that has both stamps, sorted.</summary>
    public double[] Gaps(Stage from, Stage to)
    {
        var a = _ticks[(int)from];
        var b = _ticks[(int)to];
        return Enumerable.Range(0, events)
            .Where(i => a[i] != 0 && b[i] != 0)
            .Select(i => Stopwatch.GetElapsedTime(a[i], b[i]).TotalMilliseconds)
            .Order()
            .ToArray();
    }

    /// <summary>Events per second at which <paramref name="stage"/> was reached, between the run's first start and the stage's last stamp.</summary>
    public double Rate(Stage stage)
    {
        var stamps = _ticks[(int)stage].Where(t => t != 0).ToArray();
        var starts = _ticks[(int)Stage.Started].Where(t => t != 0).ToArray();
        if (stamps.Length == 0 || starts.Length == 0)
            return double.NaN;
        return stamps.Length / Stopwatch.GetElapsedTime(starts.Min(), stamps.Max()).TotalSeconds;
    }

    public bool Has(Stage stage) => _ticks[(int)stage].Any(t => t != 0);
}

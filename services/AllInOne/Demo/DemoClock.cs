namespace EducationHub.AllInOne.Demo;

/// <summary>
/// The one process's clock: real time, except while the demo seeder replays the synthetic
/// authority's year, when it reads whatever past instant the seeder has reached. Every module
/// takes its time from this one source (see <see cref="DemoClockRegistration"/>), so a warning
/// notice "issued in March" is stamped March by Governance, and the hub receives it in March too.
/// The seeder only moves forward and hands over to real time before anyone else uses the system.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private long _replayTicks; // 0: real time

    /// <summary>True while the seeder is replaying the past.</summary>
    public bool Replaying => Interlocked.Read(ref _replayTicks) != 0;

    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _replayTicks);
        return ticks == 0 ? System.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Moves the replay to <paramref name="at"/>; never past real time and never backwards.</summary>
    public void ReplayAt(DateTimeOffset at)
    {
        var real = System.GetUtcNow();
        if (at > real) throw new ArgumentOutOfRangeException(nameof(at), $"{at:u} is in the future; the demo replays the past only.");
        var current = Interlocked.Read(ref _replayTicks);
        if (current != 0 && at.UtcTicks < current) throw new ArgumentOutOfRangeException(nameof(at), $"{at:u} is before the replay's current instant.");
        Interlocked.Exchange(ref _replayTicks, at.UtcTicks);
    }

    /// <summary>Ends the replay: from now on every module reads real time.</summary>
    public void HandOver() => Interlocked.Exchange(ref _replayTicks, 0);
}

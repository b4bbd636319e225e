using NodaTime;

namespace EducationHub.Governance.Tests.Support;

/// <summary>A clock the test moves by hand (shared by the hosts of one test, so a restart keeps the time).</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private long _ticks = now.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Set(Instant instant) => Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());

    /// <summary>Sets the clock to a London wall-clock time.</summary>
    public void SetLondon(int year, int month, int day, int hour, int minute) =>
        Set(EducationHub.Calendar.LondonTime.Zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant());
}

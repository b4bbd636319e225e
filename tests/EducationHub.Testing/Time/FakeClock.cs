using NodaTime;

namespace EducationHub.Testing.Time;

/// <summary>A clock the test moves by hand (share one between a host and its restart so time carries over).</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private long _ticks = now.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Set(Instant instant) => Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());

    /// <summary>Midday in London on the given date (well clear of any date boundary).</summary>
    public static FakeClock AtLondonNoon(int year, int month, int day) =>
        new(DateTimeZoneProviders.Tzdb["Europe/London"].AtStrictly(new LocalDateTime(year, month, day, 12, 0)).ToInstant());

    /// <summary>Sets the clock to a London wall-clock time.</summary>
    public void SetLondon(int year, int month, int day, int hour, int minute) =>
        Set(DateTimeZoneProviders.Tzdb["Europe/London"].AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant());

    public void SetLondonNoon(int year, int month, int day) =>
        Set(DateTimeZoneProviders.Tzdb["Europe/London"].AtStrictly(new LocalDateTime(year, month, day, 12, 0)).ToInstant());
}

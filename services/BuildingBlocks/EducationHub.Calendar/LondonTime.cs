using NodaTime;

namespace EducationHub.Calendar;

/// <summary>
/// Legal dates in this domain are local dates in England: a deadline "passes" at midnight in
/// London, not UTC (which differs by an hour in British Summer Time).
/// </summary>
public static class LondonTime
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Today's date in Europe/London according to <paramref name="clock"/>.</summary>
    public static LocalDate TodayInLondon(this IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(Zone).Date;
    }

    /// <summary>The London calendar date of an instant.</summary>
    public static LocalDate LondonDate(this Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The instant London's <paramref name="date"/> begins (handles the clock changes).</summary>
    public static Instant StartOfLondonDay(this LocalDate date) => Zone.AtStartOfDay(date).ToInstant();
}

using EducationHub.Calendar;
using NodaTime;

namespace EducationHub.Governance.Tests.Calendar;

public sealed class LondonTimeTests
{
    [Fact]
    public void Today_is_the_london_date_not_the_utc_date_in_summer_time()
    {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July.
        var clock = new FixedClock(Instant.FromUtc(2026, 6, 30, 23, 30));
        Assert.Equal(new LocalDate(2026, 7, 1), clock.TodayInLondon());
    }

    [Fact]
    public void In_winter_london_and_utc_agree()
    {
        var clock = new FixedClock(Instant.FromUtc(2026, 1, 14, 23, 30));
        Assert.Equal(new LocalDate(2026, 1, 14), clock.TodayInLondon());
    }

    [Fact]
    public void Start_of_a_summer_day_is_23_00_utc_the_day_before()
    {
        Assert.Equal(Instant.FromUtc(2026, 6, 30, 23, 0), new LocalDate(2026, 7, 1).StartOfLondonDay());
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

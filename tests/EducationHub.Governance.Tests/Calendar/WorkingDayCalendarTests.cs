using EducationHub.Calendar;
using NodaTime;

namespace EducationHub.Governance.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public void Fifteen_working_days_from_friday_19_december_2025_is_14_january_2026()
    {
        // Hand count: Mon 22 (1), Tue 23 (2), Wed 24 (3), [Thu 25, Fri 26 holidays], Mon 29 (4),
        // Tue 30 (5), Wed 31 (6), [Thu 1 Jan holiday], Fri 2 (7), Mon 5 (8), Tue 6 (9), Wed 7 (10),
        // Thu 8 (11), Fri 9 (12), Mon 12 (13), Tue 13 (14), Wed 14 (15).
        Assert.Equal(new LocalDate(2026, 1, 14), Calendar.AddWorkingDays(new LocalDate(2025, 12, 19), 15));
    }

    [Theory]
    [InlineData("2021-12-24", 1, "2021-12-29")] // Christmas and Boxing Day both substituted
    [InlineData("2022-12-23", 1, "2022-12-28")] // Boxing Day Monday + substitute Christmas Tuesday
    [InlineData("2022-12-30", 1, "2023-01-03")] // New Year substituted to Monday 2 January
    [InlineData("2022-05-31", 2, "2022-06-06")] // Platinum Jubilee Thursday and Friday
    [InlineData("2022-09-16", 1, "2022-09-20")] // state funeral Monday
    [InlineData("2023-05-05", 1, "2023-05-09")] // coronation Monday
    [InlineData("2025-04-17", 1, "2025-04-22")] // Easter: Good Friday and Easter Monday
    [InlineData("2025-06-02", 5, "2025-06-09")] // an ordinary week
    [InlineData("2025-06-06", 0, "2025-06-06")]
    [InlineData("2025-06-07", 0, "2025-06-07")] // zero days leaves even a Saturday unchanged
    [InlineData("2026-01-14", -15, "2025-12-19")]
    public void Adds_working_days_across_weekends_and_holidays(string start, int days, string expected)
    {
        Assert.Equal(BankHolidayTableTests.Parse(expected), Calendar.AddWorkingDays(BankHolidayTableTests.Parse(start), days));
    }

    [Theory]
    [InlineData("2025-12-25", false)]
    [InlineData("2025-12-27", false)]
    [InlineData("2025-12-29", true)]
    [InlineData("2022-09-19", false)]
    public void Knows_working_days(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(BankHolidayTableTests.Parse(date)));
    }

    [Fact]
    public void Between_counts_the_end_but_not_the_start_and_inverts_AddWorkingDays()
    {
        var start = new LocalDate(2025, 12, 19);
        Assert.Equal(15, Calendar.WorkingDaysBetween(start, new LocalDate(2026, 1, 14)));
        Assert.Equal(-15, Calendar.WorkingDaysBetween(new LocalDate(2026, 1, 14), start));
        Assert.Equal(0, Calendar.WorkingDaysBetween(start, start));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new LocalDate(2025, 12, 24), new LocalDate(2025, 12, 28)));

        // Property check over several years: between(d, add(d, n)) == n.
        for (var date = new LocalDate(2019, 12, 1); date < new LocalDate(2024, 1, 31); date = date.PlusDays(7))
        {
            foreach (var n in new[] { 1, 10, 15, 20 })
            {
                Assert.Equal(n, Calendar.WorkingDaysBetween(date, Calendar.AddWorkingDays(date, n)));
            }
        }
    }

    [Fact]
    public void Next_working_day_skips_the_christmas_break()
    {
        Assert.Equal(new LocalDate(2027, 12, 29), Calendar.NextWorkingDayOnOrAfter(new LocalDate(2027, 12, 25)));
        Assert.Equal(new LocalDate(2027, 12, 29), Calendar.NextWorkingDayOnOrAfter(new LocalDate(2027, 12, 29)));
    }

    [Fact]
    public void Arithmetic_beyond_the_data_throws()
    {
        Assert.Throws<CalendarOutOfRangeException>(() => Calendar.AddWorkingDays(new LocalDate(2030, 12, 20), 15));
        // A weekend needs no holiday data.
        Assert.False(Calendar.IsWorkingDay(new LocalDate(2031, 1, 4)));
    }
}

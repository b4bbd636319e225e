using System.Text;
using EducationHub.Calendar;
using NodaTime;

namespace EducationHub.Governance.Tests.Calendar;

public sealed class BankHolidayTableTests
{
    private static readonly BankHolidayTable Table = BankHolidayTable.Default;

    [Fact]
    public void Built_in_table_covers_2012_to_2030()
    {
        Assert.Equal(2012, Table.FirstYear);
        Assert.Equal(2030, Table.LastYear);
        // Every covered year has the eight regular holidays (plus one-offs in some years).
        foreach (var year in Enumerable.Range(2012, 19))
        {
            Assert.InRange(Table.Holidays.Count(h => h.Date.Year == year), 8, 10);
        }
    }

    [Theory]
    [InlineData("2012-06-04", "Spring bank holiday")]      // moved for the Diamond Jubilee
    [InlineData("2012-06-05", "Queen’s Diamond Jubilee")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]      // moved for the Platinum Jubilee
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2021-12-27", "Christmas Day")]            // substitute: 25th was a Saturday
    [InlineData("2021-12-28", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day")]            // substitute: 25th was a Sunday
    [InlineData("2022-01-03", "New Year’s Day")]
    [InlineData("2026-12-28", "Boxing Day")]               // substitute: 26th is a Saturday
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    public void Special_and_substitute_days_are_holidays(string date, string name)
    {
        var holiday = Table.Find(Parse(date));
        Assert.NotNull(holiday);
        Assert.Equal(name, holiday.Name);
    }

    [Theory]
    [InlineData("2012-05-28")] // the usual spring holiday that moved in 2012
    [InlineData("2022-05-30")] // ... and in 2022
    [InlineData("2020-05-04")] // the usual early May holiday that moved to VE day
    [InlineData("2021-12-25")] // a Saturday: the holiday is the substitute Monday
    public void Moved_holidays_are_not_on_their_usual_day(string date)
    {
        Assert.False(Table.IsBankHoliday(Parse(date)));
    }

    [Fact]
    public void No_holiday_falls_on_a_weekend()
    {
        Assert.All(Table.Holidays, h => Assert.False(WorkingDayCalendar.IsWeekend(h.Date), h.Date.ToString()));
    }

    [Fact]
    public void Uncovered_year_throws_instead_of_guessing()
    {
        var ex = Assert.Throws<CalendarOutOfRangeException>(() => Table.Find(new LocalDate(2031, 1, 1)));
        Assert.Equal(new LocalDate(2031, 1, 1), ex.Date);
        Assert.Throws<CalendarOutOfRangeException>(() => Table.Find(new LocalDate(2011, 12, 30)));
    }

    [Fact]
    public void Extra_file_adds_a_year_and_replaces_a_projected_one()
    {
        var extra = Load("""
            { "firstYear": 2030, "lastYear": 2031,
              "events": [ { "date": "2030-01-01", "name": "New Year’s Day" },
                          { "date": "2030-06-14", "name": "A proclaimed one-off" },
                          { "date": "2031-01-01", "name": "New Year’s Day" } ] }
            """);
        var merged = Table.Merge(extra);

        Assert.Equal(2012, merged.FirstYear);
        Assert.Equal(2031, merged.LastYear);
        Assert.True(merged.IsBankHoliday(new LocalDate(2031, 1, 1)));
        Assert.True(merged.IsBankHoliday(new LocalDate(2030, 6, 14)));
        // 2030 now comes entirely from the extra file: its Christmas is not listed there.
        Assert.False(merged.IsBankHoliday(new LocalDate(2030, 12, 25)));
        Assert.True(merged.IsBankHoliday(new LocalDate(2029, 12, 25)));
    }

    [Fact]
    public void Extra_file_leaving_a_gap_is_refused()
    {
        var extra = Load("""{ "firstYear": 2033, "lastYear": 2033, "events": [] }""");
        Assert.Throws<ArgumentException>(() => Table.Merge(extra));
    }

    [Theory]
    [InlineData("""{ "events": [] }""")]
    [InlineData("""{ "firstYear": 2030, "lastYear": 2030, "events": [ { "date": "2031-01-01", "name": "x" } ] }""")]
    [InlineData("""{ "firstYear": 2030, "lastYear": 2030, "events": [ { "date": "1 Jan 2030", "name": "x" } ] }""")]
    public void Malformed_files_are_rejected(string json)
    {
        Assert.Throws<InvalidDataException>(() => Load(json));
    }

    [Fact]
    public void Loads_from_a_file_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "firstYear": 2031, "lastYear": 2031, "events": [ { "date": "2031-04-11", "name": "Good Friday" } ] }""");
            var table = BankHolidayTable.LoadFile(path);
            Assert.True(table.IsBankHoliday(new LocalDate(2031, 4, 11)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static LocalDate Parse(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    private static BankHolidayTable Load(string json) => BankHolidayTable.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}

using System.Text;
using EducationHub.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EducationHub.Governance.Tests.Calendar;

public sealed class SchoolTermCalendarTests
{
    private static readonly SchoolTermCalendar Terms = new(
        [
            new SchoolTerm("Autumn 2 2025", new LocalDate(2025, 11, 3), new LocalDate(2025, 12, 19)),
            new SchoolTerm("Spring 1 2026", new LocalDate(2026, 1, 5), new LocalDate(2026, 2, 13)),
        ],
        WorkingDayCalendar.EnglandAndWales,
        closureDays: [new LocalDate(2026, 1, 5)]); // INSET day

    [Fact]
    public void School_days_skip_the_holiday_and_inset_days()
    {
        // Thu 18 Dec → Fri 19 Dec (1), then the Christmas holiday, INSET Mon 5 Jan, Tue 6 Jan (2).
        Assert.Equal(new LocalDate(2026, 1, 6), Terms.AddSchoolDays(new LocalDate(2025, 12, 18), 2));
        Assert.Equal(2, Terms.SchoolDaysBetween(new LocalDate(2025, 12, 18), new LocalDate(2026, 1, 6)));
        Assert.False(Terms.IsSchoolDay(new LocalDate(2025, 12, 22)));
        Assert.False(Terms.IsSchoolDay(new LocalDate(2026, 1, 5)));
        Assert.True(Terms.IsSchoolDay(new LocalDate(2026, 1, 6)));
    }

    [Fact]
    public void Twenty_school_days_from_a_complaint_in_december()
    {
        // From Mon 8 Dec: 9-12 Dec (4), 15-19 Dec (9), 6-9 Jan (13), 12-16 Jan (18), 19-20 Jan (20).
        Assert.Equal(new LocalDate(2026, 1, 20), Terms.AddSchoolDays(new LocalDate(2025, 12, 8), 20));
    }

    [Fact]
    public void Beyond_the_known_terms_throws()
    {
        Assert.Throws<CalendarOutOfRangeException>(() => Terms.AddSchoolDays(new LocalDate(2026, 2, 10), 10));
        Assert.Throws<CalendarOutOfRangeException>(() => Terms.IsSchoolDay(new LocalDate(2025, 10, 1)));
    }

    [Fact]
    public void Overlapping_terms_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SchoolTermCalendar(
            [
                new SchoolTerm("A", new LocalDate(2026, 1, 5), new LocalDate(2026, 2, 13)),
                new SchoolTerm("B", new LocalDate(2026, 2, 13), new LocalDate(2026, 3, 27)),
            ],
            WorkingDayCalendar.EnglandAndWales));
    }

    [Fact]
    public void Loads_term_dates_from_json_with_comments()
    {
        const string json = """
            { // an authority's own dates
              "terms": [ { "name": "Summer 1 2026", "start": "2026-04-13", "end": "2026-05-22" } ],
              "closureDays": [ "2026-04-13" ] }
            """;
        var terms = SchoolTermCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), WorkingDayCalendar.EnglandAndWales);
        Assert.False(terms.IsSchoolDay(new LocalDate(2026, 4, 13)));
        Assert.False(terms.IsSchoolDay(new LocalDate(2026, 5, 4))); // early May bank holiday
        Assert.True(terms.IsSchoolDay(new LocalDate(2026, 5, 5)));
    }

    [Fact]
    public void Built_in_default_terms_load()
    {
        var terms = SchoolTermCalendar.LoadDefault(WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(18, terms.Terms.Count);
        Assert.True(terms.IsSchoolDay(new LocalDate(2025, 12, 19)));
        Assert.False(terms.IsSchoolDay(new LocalDate(2025, 12, 22)));
    }

    [Fact]
    public void Di_registration_reads_the_extra_holidays_file_from_configuration()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "firstYear": 2031, "lastYear": 2031, "events": [ { "date": "2031-01-01", "name": "New Year’s Day" } ] }""");
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:ExtraBankHolidaysFile"] = path })
                .Build();
            using var provider = new ServiceCollection().AddEnglandAndWalesCalendar(configuration).BuildServiceProvider();

            var calendar = provider.GetRequiredService<WorkingDayCalendar>();
            Assert.Equal(new LocalDate(2031, 1, 2), calendar.AddWorkingDays(new LocalDate(2030, 12, 31), 1));
            Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
            Assert.NotNull(provider.GetRequiredService<ISchoolTermCalendar>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

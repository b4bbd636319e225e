using NodaTime;

namespace EducationHub.Calendar;

/// <summary>
/// Thrown when an answer depends on a year (or school term) the calendar has no data for.
/// Guessing would silently produce a wrong legal deadline, so the calendar refuses instead;
/// add the year through <c>Calendar:ExtraBankHolidaysFile</c> / <c>Calendar:TermDatesFile</c>.
/// </summary>
public sealed class CalendarOutOfRangeException : InvalidOperationException
{
    public CalendarOutOfRangeException(LocalDate date, string what)
        : base($"The calendar has no {what} for {date:uuuu-MM-dd}; add the year to the calendar data.")
    {
        Date = date;
    }

    public LocalDate Date { get; }
}

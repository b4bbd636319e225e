namespace EducationHub.Calendar;

/// <summary>Configuration section <c>Calendar</c>.</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>
    /// Optional extra bank holiday file (same JSON format as the built-in one). Years it covers
    /// replace or extend the built-in table, e.g. to add 2031 or a newly proclaimed one-off holiday.
    /// </summary>
    public string? ExtraBankHolidaysFile { get; set; }

    /// <summary>Optional term dates file; without it the illustrative built-in term dates are used.</summary>
    public string? TermDatesFile { get; set; }
}

using NodaTime;

namespace EducationHub.Calendar;

/// <summary>
/// Term dates as data (each authority publishes its own). Dates outside every term are holidays;
/// dates after the last known term (or before the first) cannot be answered and throw
/// <see cref="CalendarOutOfRangeException"/> rather than guess.
/// </summary>
public sealed class SchoolTermCalendar : ISchoolTermCalendar
{
    private readonly WorkingDayCalendar _workingDays;
    private readonly HashSet<LocalDate> _closures;

    public SchoolTermCalendar(IEnumerable<SchoolTerm> terms, WorkingDayCalendar workingDays, IEnumerable<LocalDate>? closureDays = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _workingDays = workingDays ?? throw new ArgumentNullException(nameof(workingDays));
        Terms = terms.OrderBy(t => t.Start).ToList();
        if (Terms.Count == 0)
        {
            throw new ArgumentException("At least one term is needed.", nameof(terms));
        }

        for (var i = 0; i < Terms.Count; i++)
        {
            if (Terms[i].End < Terms[i].Start)
            {
                throw new ArgumentException($"Term '{Terms[i].Name}' ends before it starts.", nameof(terms));
            }

            if (i > 0 && Terms[i].Start <= Terms[i - 1].End)
            {
                throw new ArgumentException($"Terms '{Terms[i - 1].Name}' and '{Terms[i].Name}' overlap.", nameof(terms));
            }
        }

        _closures = [.. closureDays ?? []];
    }

    public IReadOnlyList<SchoolTerm> Terms { get; }

    public bool IsSchoolDay(LocalDate date)
    {
        if (date < Terms[0].Start || date > Terms[^1].End)
        {
            throw new CalendarOutOfRangeException(date, "school term dates");
        }

        return Terms.Any(t => t.Contains(date)) && !_closures.Contains(date) && _workingDays.IsWorkingDay(date);
    }

    public LocalDate AddSchoolDays(LocalDate start, int schoolDays)
    {
        var step = schoolDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(schoolDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.PlusDays(step);
            if (IsSchoolDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    public int SchoolDaysBetween(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            return -SchoolDaysBetween(end, start);
        }

        var count = 0;
        for (var date = start.PlusDays(1); date <= end; date = date.PlusDays(1))
        {
            if (IsSchoolDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Reads <c>{ "terms": [{ "name", "start", "end" }], "closureDays": ["yyyy-MM-dd"] }</c>.</summary>
    public static SchoolTermCalendar Load(Stream json, WorkingDayCalendar workingDays)
    {
        var file = System.Text.Json.JsonSerializer.Deserialize(json, CalendarJsonContext.Default.TermDatesFile)
            ?? throw new InvalidDataException("The term dates file is empty.");
        var terms = (file.Terms ?? []).Select(t => new SchoolTerm(
            t.Name ?? "Term",
            BankHolidayTable.ParseDate(t.Start, "terms[].start"),
            BankHolidayTable.ParseDate(t.End, "terms[].end")));
        var closures = (file.ClosureDays ?? []).Select(d => BankHolidayTable.ParseDate(d, "closureDays[]"));
        try
        {
            return new SchoolTermCalendar(terms, workingDays, closures);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>The built-in illustrative term dates (see Data/school-terms-default.json); replace with the authority's own.</summary>
    public static SchoolTermCalendar LoadDefault(WorkingDayCalendar workingDays)
    {
        const string name = "EducationHub.Calendar.Data.school-terms-default.json";
        using var stream = typeof(SchoolTermCalendar).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return Load(stream, workingDays);
    }
}

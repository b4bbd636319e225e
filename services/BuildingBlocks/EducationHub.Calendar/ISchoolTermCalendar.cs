using NodaTime;

namespace EducationHub.Calendar;

/// <summary>
/// School days: days inside a term that are working days (not weekends or bank holidays) and not
/// closure days (INSET days etc.). Same counting convention as <see cref="WorkingDayCalendar"/>:
/// the start day is never counted.
/// </summary>
public interface ISchoolTermCalendar
{
    IReadOnlyList<SchoolTerm> Terms { get; }

    bool IsSchoolDay(LocalDate date);

    LocalDate AddSchoolDays(LocalDate start, int schoolDays);

    int SchoolDaysBetween(LocalDate start, LocalDate end);
}

using EducationHub.Complaints.Domain;

namespace EducationHub.Complaints.Tests.Domain;

/// <summary>A test calendar: every weekday is a school day except the listed holidays.</summary>
internal sealed class WeekdayCalendar(params DateOnly[] holidays) : ISchoolDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public DateOnly AddSchoolDays(DateOnly from, int schoolDays)
    {
        var date = from;
        while (schoolDays > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date)) schoolDays--;
        }
        return date;
    }
}

using EducationHub.Calendar;
using EducationHub.Complaints.Domain;
using NodaTime;

namespace EducationHub.Complaints.Application;

/// <summary>The council's school-term calendar (terms minus weekends and bank holidays) seen as school days.</summary>
public sealed class SchoolDayCalendar(ISchoolTermCalendar terms) : ISchoolDayCalendar
{
    public DateOnly AddSchoolDays(DateOnly from, int schoolDays) =>
        terms.AddSchoolDays(LocalDate.FromDateOnly(from), schoolDays).ToDateOnly();
}

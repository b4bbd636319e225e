namespace EducationHub.Complaints.Domain;

/// <summary>
/// Counts school days: term-time weekdays that are not bank holidays. Complaint timescales are
/// set in school days so that holidays do not run down a school's time to respond.
/// </summary>
public interface ISchoolDayCalendar
{
    /// <summary>The date that is <paramref name="schoolDays"/> school days after <paramref name="from"/> (from itself not counted).</summary>
    DateOnly AddSchoolDays(DateOnly from, int schoolDays);
}

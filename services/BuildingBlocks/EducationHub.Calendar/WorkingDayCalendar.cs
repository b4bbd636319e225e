using NodaTime;

namespace EducationHub.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday, excluding bank holidays.
/// Counting convention (the one statutory "N working days" periods use): the start day itself is
/// never counted, so <c>AddWorkingDays(d, 1)</c> is the next working day after <c>d</c>, and
/// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
/// </summary>
public sealed class WorkingDayCalendar(BankHolidayTable holidays)
{
    public static WorkingDayCalendar EnglandAndWales { get; } = new(BankHolidayTable.Default);

    public BankHolidayTable Holidays { get; } = holidays ?? throw new ArgumentNullException(nameof(holidays));

    public static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>True for a weekday that is not a bank holiday. Throws <see cref="CalendarOutOfRangeException"/> for a weekday in a year without data.</summary>
    public bool IsWorkingDay(LocalDate date) => !IsWeekend(date) && !Holidays.IsBankHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (before it, when negative).
    /// Zero returns <paramref name="start"/> unchanged, whether or not it is a working day.
    /// </summary>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>
    /// Working days in the half-open range (<paramref name="start"/>, <paramref name="end"/>]:
    /// how many working days have elapsed from start to end. Negative when end is before start.
    /// </summary>
    public int WorkingDaysBetween(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start);
        }

        var count = 0;
        for (var date = start.PlusDays(1); date <= end; date = date.PlusDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}

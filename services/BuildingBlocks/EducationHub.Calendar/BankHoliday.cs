using NodaTime;

namespace EducationHub.Calendar;

/// <summary>One England and Wales bank holiday (the day actually taken off, so substitute days appear on the weekday).</summary>
public sealed record BankHoliday(LocalDate Date, string Name, string? Note = null);

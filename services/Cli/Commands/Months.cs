using System.Globalization;

namespace EducationHub.Cli.Commands;

/// <summary>The current month in Europe/London, the group's calendar.</summary>
internal static class Months
{
    public static string Current()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public static bool IsMonth(string? text) =>
        DateTime.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text!.Length == 7;
}

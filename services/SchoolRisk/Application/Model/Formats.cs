using System.Globalization;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>Plain-English formatting for reason texts (fixed culture so output is identical everywhere).</summary>
internal static class Formats
{
    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Signed(double value, string format = "0.00") =>
        (value > 0 ? "+" : "") + value.ToString(format, CultureInfo.InvariantCulture);

    public static string Pounds(decimal value) =>
        (value < 0 ? "-£" : "£") + Math.Abs(value).ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return to < from.AddYears(years) ? years - 1 : years;
    }
}

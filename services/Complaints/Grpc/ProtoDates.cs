using System.Globalization;
using EducationHub.Grpc;

namespace EducationHub.Complaints.Grpc;

/// <summary>Dates travel as "yyyy-MM-dd" strings; empty means "not set".</summary>
internal static class ProtoDates
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>The earliest date a step, an intake date (incident, received) or a theme window may fall on (the bound SchoolRisk uses): far enough from DateOnly.MinValue that window arithmetic cannot underflow.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static string Format(DateOnly? date) => date?.ToString(Pattern, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Parses an optional date, recording a field error for a malformed one.</summary>
    public static DateOnly? Optional(string value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, "must be a date in the form yyyy-mm-dd");
        return null;
    }
}

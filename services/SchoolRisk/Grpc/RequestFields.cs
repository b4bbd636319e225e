using System.Globalization;
using EducationHub.Grpc;

namespace EducationHub.SchoolRisk.Grpc;

/// <summary>Shared checks for request fields, adding field-level violations with the proto field path.</summary>
internal static class RequestFields
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>URNs are six digits (100000-999999).</summary>
    public static void Urn(FieldErrors errors, int urn, string field = "urn") =>
        errors.Require(urn is >= 100000 and <= 999999, field, "must be a 6-digit URN");

    /// <summary>An ISO date between 2000-01-01 and today; empty gives <paramref name="whenEmpty"/> (or "is required" when null).</summary>
    public static DateOnly Date(FieldErrors errors, string value, string field, DateOnly today, DateOnly? whenEmpty = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (whenEmpty is { } fallback)
            {
                return fallback;
            }
            errors.Add(field, "is required (yyyy-mm-dd)");
            return default;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "must be a date written yyyy-mm-dd");
            return default;
        }
        if (date < Earliest || date > today)
        {
            errors.Add(field, $"must be between {Earliest:yyyy-MM-dd} and today ({today:yyyy-MM-dd})");
        }
        return date;
    }

    public static void Text(FieldErrors errors, string value, string field, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters");
        }
    }

    public static void LaCode(FieldErrors errors, string value, string field, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(field, "is required (3-digit local authority code, e.g. 330)");
            }
            return;
        }
        errors.Require(value.Length == 3 && value.All(char.IsAsciiDigit), field, "must be a 3-digit local authority code, e.g. 330");
    }
}

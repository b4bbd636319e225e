using EducationHub.Grpc;
using NodaTime;
using NodaTime.Text;

namespace EducationHub.Governance.Grpc;

/// <summary>Parsing and checking of the proto's scalar conventions (URNs, ids, "YYYY-MM-DD" dates, enums).</summary>
internal static class Fields
{
    public const int MaxText = 4000;
    public const int MaxShortText = 200;

    /// <summary>The longest email address SMTP can carry (RFC 5321: a 256-octet path including the angle brackets).</summary>
    public const int MaxEmail = 254;
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    public static bool IsUrn(int urn) => urn is >= 100000 and <= 999999;

    public static void Urn(FieldErrors errors, int urn, string field = "urn") =>
        errors.Require(IsUrn(urn), field, "must be a 6-digit unique reference number");

    public static void OptionalUrn(FieldErrors errors, int urn, string field = "urn") =>
        errors.Require(urn == 0 || IsUrn(urn), field, "must be 0 (every school) or a 6-digit unique reference number");

    public static void Id(FieldErrors errors, string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (!Guid.TryParse(value, out _))
        {
            errors.Add(field, "must be a UUID");
        }
    }

    public static void OptionalId(FieldErrors errors, string value, string field)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Id(errors, value, field);
        }
    }

    /// <summary>
    /// No Governance record predates 2000 (the project's convention, as SchoolRisk's request dates); the bound also
    /// keeps date arithmetic (a four-year term, a compliance period) far from the calendar's year 9999.
    /// </summary>
    public static readonly LocalDate Earliest = new(2000, 1, 1);

    /// <summary>How far ahead a date that may lie in the future (an appointment, a term end, a review due) can be.</summary>
    public const int MaxYearsAhead = 10;

    /// <summary>The latest date a forward-looking field accepts: <see cref="MaxYearsAhead"/> years after today.</summary>
    public static LocalDate Ahead(LocalDate today) => today.PlusYears(MaxYearsAhead);

    /// <summary>A required "YYYY-MM-DD" date between <see cref="Earliest"/> and <paramref name="latest"/>; returns it only when it is both.</summary>
    public static LocalDate? Date(FieldErrors errors, string value, string field, LocalDate latest)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required (YYYY-MM-DD)");
            return null;
        }

        if (ParseDate(value) is not { } date)
        {
            errors.Add(field, "must be a date YYYY-MM-DD");
            return null;
        }

        if (date < Earliest || date > latest)
        {
            errors.Add(field, $"must be between {Format(Earliest)} and {Format(latest)}");
            return null;
        }

        return date;
    }

    public static LocalDate? OptionalDate(FieldErrors errors, string value, string field, LocalDate latest) =>
        string.IsNullOrEmpty(value) ? null : Date(errors, value, field, latest);

    public static void Text(FieldErrors errors, string value, string field, int max = MaxText, bool required = true)
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

    public static void TextList(FieldErrors errors, IReadOnlyList<string> values, string field, int maxItems = 50, int maxLength = MaxShortText)
    {
        errors.Require(values.Count <= maxItems, field, $"must have at most {maxItems} entries");
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                errors.Add($"{field}[{i}]", "must not be empty");
            }
            else if (values[i].Length > maxLength)
            {
                errors.Add($"{field}[{i}]", $"must be at most {maxLength} characters");
            }
        }
    }

    public static void Enum<TEnum>(FieldErrors errors, TEnum value, string field)
        where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            errors.Add(field, "is not a known value");
        }
        else if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            errors.Add(field, "is required");
        }
    }

    public static void OptionalEnum<TEnum>(FieldErrors errors, TEnum value, string field)
        where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            errors.Add(field, "is not a known value");
        }
    }

    public static void Paging(FieldErrors errors, int pageSize, string pageToken)
    {
        errors.Require(pageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize}");
        errors.Require(pageToken.Length == 0 || (int.TryParse(pageToken, out var offset) && offset >= 0), "page_token", "is not a token this service issued");
    }

    public static LocalDate? ParseDate(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(value);
        return result.Success ? result.Value : null;
    }

    public static string Format(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "";

    public static Guid? ParseId(string value) => Guid.TryParse(value, out var id) ? id : null;

    public static int PageSize(int requested) => requested == 0 ? DefaultPageSize : requested;

    public static int Offset(string token) => token.Length == 0 ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
}

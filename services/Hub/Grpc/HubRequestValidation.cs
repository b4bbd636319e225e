using System.Globalization;
using EducationHub.Grpc;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Grpc;

/// <summary>Field-level checks for hub requests: every problem is reported at once, by proto field path.</summary>
internal static class HubRequestValidation
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    // No list is anywhere near this long; the bound keeps offset + page size from overflowing on a hand-made token.
    private const int MaxOffset = int.MaxValue - MaxPageSize;

    public static RiskMonth Month(FieldErrors errors, string? value, string field = "month")
    {
        if (string.IsNullOrEmpty(value)) { errors.Add(field, "is required (YYYY-MM)"); return default; }
        if (!RiskMonth.TryParse(value, out var month)) errors.Add(field, "must be a month in the form YYYY-MM, e.g. 2026-11");
        return month;
    }

    public static int Urn(FieldErrors errors, int urn, string field = "urn")
    {
        if (urn is < 100000 or > 999999) errors.Add(field, "must be a 6-digit unique reference number");
        return urn;
    }

    public static ListQuery Filter(FieldErrors errors, Pb.ListFilter? filter, IReadOnlyList<string> bands)
    {
        if (filter is null) return new ListQuery();
        if (filter.LaCode.Length > 0 && (filter.LaCode.Length != 3 || !filter.LaCode.All(char.IsAsciiDigit)))
            errors.Add("filter.la_code", "must be a 3-digit local authority code, e.g. 330");
        if (filter.Band.Length > 0 && !bands.Contains(filter.Band, StringComparer.OrdinalIgnoreCase))
            errors.Add("filter.band", $"must be one of: {string.Join(", ", bands)}");
        if (filter.Movement == Pb.Movement.Left)
            errors.Add("filter.movement", "schools that left are listed in RiskList.left, not among the entries");
        if (!Enum.IsDefined(filter.Movement)) errors.Add("filter.movement", "is not a known movement");
        if (!Enum.IsDefined(filter.Sort)) errors.Add("filter.sort", "is not a known sort order");
        var sort = filter.Sort switch
        {
            Pb.SortOrder.Name => ListSort.Name,
            Pb.SortOrder.Urn => ListSort.Urn,
            Pb.SortOrder.Movement => ListSort.Movement,
            _ => ListSort.Priority,
        };
        return new ListQuery(filter.LaCode.Length > 0 ? filter.LaCode : null, filter.Band.Length > 0 ? filter.Band : null,
            ProtoMapper.FromProto(filter.Movement), sort);
    }

    public static (int Size, int Offset) Page(FieldErrors errors, int pageSize, string token, string month)
    {
        if (pageSize is < 0 or > MaxPageSize) errors.Add("page_size", $"must be between 1 and {MaxPageSize} (0 means {DefaultPageSize})");
        var offset = 0;
        if (token.Length > 0 && (!PageToken.TryRead(token, month, out offset) || offset > MaxOffset))
            errors.Add("page_token", "is not a page token from this month's list");
        return (pageSize == 0 ? DefaultPageSize : pageSize, offset);
    }

    public static DateOnly Date(FieldErrors errors, string value, string field)
    {
        if (string.IsNullOrEmpty(value)) { errors.Add(field, "is required (YYYY-MM-DD)"); return default; }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add(field, "must be a date in the form YYYY-MM-DD");
        return date;
    }

    public static string Text(FieldErrors errors, string value, string field, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors.Add(field, "is required");
        if (value.Length > max) errors.Add(field, $"must be at most {max} characters");
        return value;
    }
}

/// <summary>Opaque page tokens: the month and the offset, so a token cannot be replayed against another month.</summary>
internal static class PageToken
{
    public static string Write(string month, int offset) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{month}:{offset.ToString(CultureInfo.InvariantCulture)}"));

    public static bool TryRead(string token, string month, out int offset)
    {
        offset = 0;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var parts = text.Split(':');
            return parts.Length == 2 && parts[0] == month && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

using System.Globalization;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// The current row of a <see cref="CsvTable"/>, valid until the next row is read. Typed accessors
/// throw <see cref="RowFormatException"/> with a message fit for an import report.
/// </summary>
public readonly struct CsvLine
{
    private static readonly string[] SuppressionMarkers = ["z", "x", "c", "u", "low", "supp", "ne", "na", "nan", "ss", "dns", "lowcov", "-", ".."];
    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "yyyyMMdd", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd'.0'"];
    private readonly CsvTable _table;

    internal CsvLine(CsvTable table, long lineNumber)
    {
        _table = table;
        LineNumber = lineNumber;
    }

    public long LineNumber { get; }

    public string? Text(string column) => _table.Field(column);

    public string TextOrEmpty(string column) => _table.Field(column) ?? "";

    public int Urn(string column)
    {
        var value = Text(column) ?? throw new RowFormatException($"{column} is missing");
        return ParseUrn(value) ?? throw new RowFormatException($"{column} '{value}' is not a URN (a positive whole number)");
    }

    public int? OptionalUrn(string column) => Text(column) is { } value ? ParseUrn(value) : null;

    public int Int(string column) =>
        OptionalInt(column) ?? throw new RowFormatException($"{column} is missing");

    public int? OptionalInt(string column)
    {
        var value = Number(column);
        if (value is null)
        {
            return null;
        }
        return value == Math.Floor(value.Value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value.Value
            : throw new RowFormatException($"{column} '{Text(column)}' is not a whole number");
    }

    /// <summary>A number, or null when blank or one of DfE's suppression markers (z, x, c, SUPP, NE, ...). Accepts "85%".</summary>
    public double? Number(string column)
    {
        var value = Text(column);
        if (value is null || IsSuppressed(value))
        {
            return null;
        }
        var text = value.TrimEnd('%').Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new RowFormatException($"{column} '{value}' is not a number");
    }

    public decimal Money(string column)
    {
        var value = Text(column) ?? throw new RowFormatException($"{column} is missing");
        return decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal).TrimStart('£'), NumberStyles.Float, CultureInfo.InvariantCulture, out var money)
            ? money
            : throw new RowFormatException($"{column} '{value}' is not an amount");
    }

    public DateOnly? Date(string column)
    {
        var value = Text(column);
        if (value is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RowFormatException($"{column} '{value}' is not a date (dd-mm-yyyy or yyyymmdd)");
    }

    public static bool IsSuppressed(string value) =>
        SuppressionMarkers.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    private static int? ParseUrn(string value)
    {
        // The spine writes related URNs as floats ("145210.0").
        var text = value.EndsWith(".0", StringComparison.Ordinal) ? value[..^2] : value;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) && urn is > 0 and < 10_000_000 ? urn : null;
    }
}

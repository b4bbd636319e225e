using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace EducationHub.Calendar;

/// <summary>
/// The England and Wales bank holidays for a known, contiguous range of years. Data, not rules:
/// one-off holidays (jubilees, a state funeral, a coronation) and moved holidays cannot be derived.
/// </summary>
public sealed class BankHolidayTable
{
    private const string EmbeddedResourceName = "EducationHub.Calendar.Data.bank-holidays-england-and-wales.json";
    private static readonly Lazy<BankHolidayTable> BuiltIn = new(LoadBuiltIn);

    private readonly FrozenDictionary<LocalDate, BankHoliday> _byDate;

    public BankHolidayTable(int firstYear, int lastYear, IEnumerable<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (lastYear < firstYear)
        {
            throw new ArgumentException($"lastYear {lastYear} is before firstYear {firstYear}.", nameof(lastYear));
        }

        var list = holidays.OrderBy(h => h.Date).ToList();
        var outside = list.FirstOrDefault(h => h.Date.Year < firstYear || h.Date.Year > lastYear);
        if (outside is not null)
        {
            throw new ArgumentException($"{outside.Date:uuuu-MM-dd} lies outside the declared years {firstYear}-{lastYear}.", nameof(holidays));
        }

        FirstYear = firstYear;
        LastYear = lastYear;
        Holidays = list;
        _byDate = list.ToFrozenDictionary(h => h.Date);
    }

    /// <summary>The table shipped with the service (2012-2030).</summary>
    public static BankHolidayTable Default => BuiltIn.Value;

    public int FirstYear { get; }

    public int LastYear { get; }

    public IReadOnlyList<BankHoliday> Holidays { get; }

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>The holiday on <paramref name="date"/>, or null. Throws when the year is not covered.</summary>
    public BankHoliday? Find(LocalDate date)
    {
        if (!Covers(date.Year))
        {
            throw new CalendarOutOfRangeException(date, "bank holiday data");
        }

        return _byDate.GetValueOrDefault(date);
    }

    public bool IsBankHoliday(LocalDate date) => Find(date) is not null;

    /// <summary>
    /// Combines this table with <paramref name="other"/>: every year the other table covers is taken
    /// from it (replacing this table's entries for that year), so a council can both add future years
    /// and correct a projected year once a holiday is proclaimed. The result must stay contiguous.
    /// </summary>
    public BankHolidayTable Merge(BankHolidayTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var first = Math.Min(FirstYear, other.FirstYear);
        var last = Math.Max(LastYear, other.LastYear);
        if (other.FirstYear > LastYear + 1 || other.LastYear < FirstYear - 1)
        {
            throw new ArgumentException(
                $"Years {other.FirstYear}-{other.LastYear} leave a gap next to {FirstYear}-{LastYear}; a gap would silently become a year with no holidays.",
                nameof(other));
        }

        var kept = Holidays.Where(h => !other.Covers(h.Date.Year));
        return new BankHolidayTable(first, last, kept.Concat(other.Holidays));
    }

    /// <summary>Reads the JSON format of the built-in file: <c>{ "firstYear", "lastYear", "events": [{ "date", "name", "note"? }] }</c>.</summary>
    public static BankHolidayTable Load(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, CalendarJsonContext.Default.BankHolidayFile)
            ?? throw new InvalidDataException("The bank holiday file is empty.");
        if (file.FirstYear is not { } firstYear || file.LastYear is not { } lastYear)
        {
            throw new InvalidDataException("The bank holiday file must declare firstYear and lastYear, so a missing year is never mistaken for a year without holidays.");
        }

        var holidays = (file.Events ?? []).Select(e => new BankHoliday(ParseDate(e.Date, "events[].date"), e.Name ?? "Bank holiday", e.Note));
        try
        {
            return new BankHolidayTable(firstYear, lastYear, holidays);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    public static BankHolidayTable LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    internal static LocalDate ParseDate(string? text, string field)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new InvalidDataException($"{field}: '{text}' is not an ISO date (yyyy-MM-dd).");
    }

    private static BankHolidayTable LoadBuiltIn()
    {
        using var stream = typeof(BankHolidayTable).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResourceName} is missing.");
        return Load(stream);
    }
}

internal sealed record BankHolidayFile(int? FirstYear, int? LastYear, IReadOnlyList<BankHolidayEntry>? Events);

internal sealed record BankHolidayEntry(string? Date, string? Name, string? Note);

internal sealed record TermDatesFile(IReadOnlyList<TermEntry>? Terms, IReadOnlyList<string>? ClosureDays);

internal sealed record TermEntry(string? Name, string? Start, string? End);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(BankHolidayFile))]
[JsonSerializable(typeof(TermDatesFile))]
internal sealed partial class CalendarJsonContext : JsonSerializerContext;

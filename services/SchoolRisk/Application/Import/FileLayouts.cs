namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// The file layouts each import accepts, and the whole-file checks made before any row is read:
/// an empty file, headers that match no layout (naming the columns a nearly matching file lacks),
/// a file of the other import family, a header with no data rows. Each is refused with an
/// <see cref="UnrecognisedFileException"/> whose message names the file and says what is wrong.
/// </summary>
public static class FileLayouts
{
    /// <summary>Register files, in recognition order (GIAS before the spine; links last).</summary>
    public static IReadOnlyList<IRowParser<object>> Register { get; } =
        [new GiasRegisterParser(), new SpineRegisterParser(), new GiasLinkParser()];

    /// <summary>Indicator files, in recognition order (KS4 results before KS4 school information).</summary>
    public static IReadOnlyList<IRowParser<object>> Indicators { get; } =
        [new InspectionParser(), new Ks2Parser(), new Ks4Parser(), new Ks4SchoolInformationParser(), new Ks5Parser(), new FinanceParser()];

    private const string RegisterFamily = "register file (GIAS establishment extract, DfE spine school_details, GIAS links)";
    private const string IndicatorFamily = "indicator file (Ofsted inspections, KS2, KS4, KS4 school information, KS5, finance)";

    /// <summary>The layout of <paramref name="table"/> among <paramref name="kind"/>'s (or all, when null), if any.</summary>
    public static IRowParser<object>? Recognise(CsvTable table, ImportKind? kind) =>
        Candidates(kind).FirstOrDefault(p => p.Recognises(table));

    /// <summary>Refuses a file that <paramref name="kind"/>'s import cannot read (any family when null); returns its layout.</summary>
    public static IRowParser<object> EnsureImportable(CsvTable table, ImportKind? kind)
    {
        if (table.IsEmpty)
        {
            throw new UnrecognisedFileException($"{table.Name}: the file is empty (line 1 should be the header row)");
        }
        var layout = Recognise(table, kind) ?? throw Unrecognised(table, kind);
        if (!table.HasDataRows)
        {
            throw new UnrecognisedFileException($"{table.Name}: a {layout.Dataset} file with a header row but no data rows; nothing was imported");
        }
        return layout;
    }

    /// <summary>Says why <paramref name="table"/>'s header row (line 1) is not one <paramref name="kind"/>'s import reads.</summary>
    public static UnrecognisedFileException Unrecognised(CsvTable table, ImportKind? kind)
    {
        if (kind is { } family && Recognise(table, Other(family)) is { } other)
        {
            return new UnrecognisedFileException(family == ImportKind.Register
                ? $"{table.Name} is a {other.Dataset} file, an {IndicatorFamily}, not a {RegisterFamily}: import it with ImportIndicators"
                : $"{table.Name} is a {other.Dataset} file, a {RegisterFamily}, not an {IndicatorFamily}: import it with ImportRegister");
        }
        // The closest layout, if the file has at least two of its required columns and half of them:
        // its own family's layouts first on a tie.
        var closest = Candidates(kind).Concat(kind is { } k ? Candidates(Other(k)) : [])
            .Select(p => (Parser: p, Present: p.RequiredColumns.Count(g => g.Any(table.HasColumn)), Total: p.RequiredColumns.Count))
            .Where(c => c.Present >= 2 && c.Present * 2 >= c.Total)
            .OrderByDescending(c => (double)c.Present / c.Total)
            .Select(c => c.Parser)
            .FirstOrDefault();
        if (closest is not null)
        {
            var missing = closest.RequiredColumns.Where(g => !g.Any(table.HasColumn)).Select(Describe);
            return new UnrecognisedFileException(
                $"{table.Name}: line 1 looks like a {closest.Dataset} header but is missing: {string.Join(", ", missing)}");
        }
        var expected = kind switch
        {
            ImportKind.Register => $"a {RegisterFamily}",
            ImportKind.Indicators => $"an {IndicatorFamily}",
            _ => $"a {RegisterFamily} or an {IndicatorFamily}",
        };
        const int shown = 12;
        var headers = string.Join(", ", table.Headers.Take(shown)) + (table.Headers.Count > shown ? ", ..." : "");
        return new UnrecognisedFileException($"{table.Name} is not {expected}; its header row (line 1) is: {headers}");
    }

    private static IReadOnlyList<IRowParser<object>> Candidates(ImportKind? kind) => kind switch
    {
        ImportKind.Register => Register,
        ImportKind.Indicators => Indicators,
        _ => [.. Register, .. Indicators],
    };

    private static ImportKind Other(ImportKind kind) => kind == ImportKind.Register ? ImportKind.Indicators : ImportKind.Register;

    private static string Describe(string[] group) =>
        group.Length == 1 ? group[0] : $"{group[0]} (or {string.Join(", ", group[1..])})";
}

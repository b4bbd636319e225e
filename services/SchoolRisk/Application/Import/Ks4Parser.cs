using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// KS4 performance tables (ks4_perf_YYYY.csv): owns Progress 8 and Attainment 8. Shares its
/// <c>ks4_results</c> row with <see cref="Ks4SchoolInformationParser"/>, so a row it updates keeps
/// the disadvantaged share; pupils and the Progress 8 band are shared (a blank does not erase them).
/// </summary>
public sealed class Ks4Parser : IRowParser<Ks4Result>, IRowMerger<Ks4Result>
{
    public string Dataset => "ks4";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["Progress 8"], ["Attainment 8"], ["Academic Year"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public Ks4Result Parse(CsvLine line)
    {
        var year = AcademicYear.Parse(line, "Academic Year");
        return new Ks4Result
        {
            Urn = line.Urn("URN"),
            Year = year,
            PublishedOn = PublicationCalendar.AnnualReleaseFor(year),
            Pupils = line.OptionalInt("KS4 Pupils"),
            Progress8 = line.Number("Progress 8"),
            Attainment8 = line.Number("Attainment 8"),
            Progress8Band = line.Text("P8 Desc"),
        };
    }

    public Ks4Result Merge(Ks4Result existing, Ks4Result incoming) => new()
    {
        Urn = incoming.Urn,
        Year = incoming.Year,
        PublishedOn = incoming.PublishedOn,
        Pupils = incoming.Pupils ?? existing.Pupils,
        Progress8 = incoming.Progress8,
        Attainment8 = incoming.Attainment8,
        Progress8Band = incoming.Progress8Band ?? existing.Progress8Band,
        DisadvantagedPercent = existing.DisadvantagedPercent,
    };
}

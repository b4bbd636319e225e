using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// The current DfE key stage 4 "school information" layout (ks4_school_info_2024.csv):
/// snake_case columns, academic year as "202324", z/x/c suppression markers. It carries the
/// Progress 8 banding and the disadvantaged share rather than the Progress 8 score itself.
/// It owns the disadvantaged share; a row it updates keeps the Progress 8 and Attainment 8 that
/// <see cref="Ks4Parser"/> brought, and pupils and the band are shared (a blank does not erase them).
/// </summary>
public sealed class Ks4SchoolInformationParser : IRowParser<Ks4Result>, IRowMerger<Ks4Result>
{
    public string Dataset => "ks4-school-information";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["school_urn"], ["time_period"], ["p8_banding"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public Ks4Result Parse(CsvLine line)
    {
        var year = AcademicYear.Parse(line, "time_period");
        var band = line.Text("p8_banding");
        return new Ks4Result
        {
            Urn = line.Urn("school_urn"),
            Year = year,
            PublishedOn = PublicationCalendar.AnnualReleaseFor(year),
            Pupils = line.OptionalInt("t_pupils"),
            Progress8Band = band is null || CsvLine.IsSuppressed(band) ? null : band,
            DisadvantagedPercent = line.Number("pt_disadvantaged"),
        };
    }

    public Ks4Result Merge(Ks4Result existing, Ks4Result incoming) => new()
    {
        Urn = incoming.Urn,
        Year = incoming.Year,
        PublishedOn = incoming.PublishedOn,
        Pupils = incoming.Pupils ?? existing.Pupils,
        Progress8 = existing.Progress8,
        Attainment8 = existing.Attainment8,
        Progress8Band = incoming.Progress8Band ?? existing.Progress8Band,
        DisadvantagedPercent = incoming.DisadvantagedPercent,
    };
}

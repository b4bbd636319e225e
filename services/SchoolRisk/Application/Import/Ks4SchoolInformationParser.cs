using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// The current DfE key stage 4 "school information" layout (ks4_school_info_2024.csv):
/// snake_case columns, academic year as "202324", z/x/c suppression markers. It carries the
/// Progress 8 banding and the disadvantaged share rather than the Progress 8 score itself.
/// </summary>
public sealed class Ks4SchoolInformationParser : IRowParser<Ks4Result>
{
    public string Dataset => "ks4-school-information";

    public bool Recognises(CsvTable table) => table.HasColumns("school_urn", "time_period", "p8_banding");

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
}

using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

public sealed class Ks4Parser : IRowParser<Ks4Result>
{
    public string Dataset => "ks4";

    public bool Recognises(CsvTable table) => table.HasColumns("URN", "Progress 8", "Attainment 8", "Academic Year");

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
}

using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

public sealed class Ks5Parser : IRowParser<Ks5Result>
{
    public string Dataset => "ks5";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["Avg A-level Points"], ["Academic Year"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public Ks5Result Parse(CsvLine line)
    {
        var year = AcademicYear.Parse(line, "Academic Year");
        return new Ks5Result
        {
            Urn = line.Urn("URN"),
            Year = year,
            PublishedOn = PublicationCalendar.AnnualReleaseFor(year),
            Pupils = line.OptionalInt("KS5 Pupils"),
            AverageALevelPoints = line.Number("Avg A-level Points"),
            AverageALevelGrade = line.Text("Avg A-level Grade"),
        };
    }
}

using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

public sealed class Ks2Parser : IRowParser<Ks2Result>
{
    public string Dataset => "ks2";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["Reading Progress"], ["Maths Progress"], ["Academic Year"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public Ks2Result Parse(CsvLine line)
    {
        var year = AcademicYear.Parse(line, "Academic Year");
        return new Ks2Result
        {
            Urn = line.Urn("URN"),
            Year = year,
            PublishedOn = PublicationCalendar.AnnualReleaseFor(year),
            Pupils = line.OptionalInt("KS2 Pupils"),
            ReadingProgress = line.Number("Reading Progress"),
            WritingProgress = line.Number("Writing Progress"),
            MathsProgress = line.Number("Maths Progress"),
            MeetingExpectedPercent = line.Number("Overall Meet Std"),
        };
    }
}

using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>LA-maintained schools' consolidated financial return: income, expenditure, revenue balance.</summary>
public sealed class FinanceParser : IRowParser<FinanceReturn>
{
    public string Dataset => "finance";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["Income"], ["Expenditure"], ["Balance"], ["Academic Year"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public FinanceReturn Parse(CsvLine line)
    {
        var year = AcademicYear.Parse(line, "Academic Year");
        return new FinanceReturn
        {
            Urn = line.Urn("URN"),
            Year = year,
            PublishedOn = PublicationCalendar.AnnualReleaseFor(year),
            Income = line.Money("Income"),
            Expenditure = line.Money("Expenditure"),
            Balance = line.Money("Balance"),
        };
    }
}

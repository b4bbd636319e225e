using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Ofsted full-inspection outcomes: the open-data layout (URN, Rating, Inspection Date) and the
/// management-information names ("Overall effectiveness", "Inspection start date"); report-card
/// grades and a "Safeguarding" Met/Not met column are accepted when present.
/// </summary>
public sealed class InspectionParser : IRowParser<Inspection>
{
    private static readonly string[] GradeColumns = ["Rating", "Overall effectiveness", "OverallEffectiveness"];
    private static readonly string[] DateColumns = ["Inspection Date", "Inspection start date", "InspectionDate"];

    public string Dataset => "ofsted-inspections";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], GradeColumns, DateColumns];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public Inspection Parse(CsvLine line)
    {
        var gradeText = First(line, GradeColumns);
        if (!OfstedGrades.TryParse(gradeText, out var grade))
        {
            throw new RowFormatException($"'{gradeText}' is not an Ofsted judgement");
        }
        var date = DateColumns.Select(c => line.Date(c)).FirstOrDefault(d => d is not null)
            ?? throw new RowFormatException("inspection date is missing");
        return new Inspection
        {
            Urn = line.Urn("URN"),
            InspectedOn = date,
            Grade = grade,
            SafeguardingMet = line.Text("Safeguarding")?.ToUpperInvariant() switch
            {
                "MET" or "YES" or "EFFECTIVE" => true,
                "NOT MET" or "NO" or "NOT EFFECTIVE" => false,
                _ => null,
            },
        };
    }

    private static string? First(CsvLine line, string[] columns) =>
        columns.Select(line.Text).FirstOrDefault(v => v is not null);
}

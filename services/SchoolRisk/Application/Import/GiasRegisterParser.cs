using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>The current "Get Information about Schools" establishment extract (edubasealldata, ~130 columns, dd-mm-yyyy).</summary>
public sealed class GiasRegisterParser : IRowParser<SchoolRecord>
{
    public string Dataset => "gias-register";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["EstablishmentName"], ["LA (code)"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public SchoolRecord Parse(CsvLine line)
    {
        var urn = line.Urn("URN");
        return new SchoolRecord(
        urn,
        line.Text("EstablishmentName") ?? throw new RowFormatException("EstablishmentName is missing"),
        line.Text("LA (code)") ?? throw new RowFormatException("LA (code) is missing"),
        line.TextOrEmpty("LA (name)"),
        line.TextOrEmpty("TypeOfEstablishment (name)"),
        line.TextOrEmpty("EstablishmentTypeGroup (name)"),
        line.TextOrEmpty("PhaseOfEducation (name)"),
        ParseStatus(line.Text("EstablishmentStatus (name)")),
        line.Date("OpenDate"),
        line.Date("CloseDate"),
        line.Text("Trusts (name)"),
        line.Text("Federations (name)"),
        line.Text("Town"),
        line.Text("Postcode"),
        line.OptionalInt("NumberOfPupils"),
        line.Text("RSCRegion (name)"),
        "gias")
        {
            LatestInspection = LatestInspection(urn, line),
        };
    }

    /// <summary>GIAS carries the latest overall judgement and its date; blank or "Not applicable" means none.</summary>
    private static Inspection? LatestInspection(int urn, CsvLine line)
    {
        var date = line.Date("OfstedLastInsp");
        return date is { } inspectedOn && OfstedGrades.TryParse(line.Text("OfstedRating (name)"), out var grade)
            ? new Inspection { Urn = urn, InspectedOn = inspectedOn, Grade = grade }
            : null;
    }

    private static SchoolStatus ParseStatus(string? name) => name?.ToUpperInvariant() switch
    {
        "OPEN" => SchoolStatus.Open,
        "CLOSED" => SchoolStatus.Closed,
        "PROPOSED TO OPEN" => SchoolStatus.Proposed,
        "OPEN, BUT PROPOSED TO CLOSE" => SchoolStatus.OpenProposedToClose,
        _ => SchoolStatus.Unknown,
    };
}

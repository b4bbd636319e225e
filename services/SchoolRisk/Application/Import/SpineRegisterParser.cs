using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// The DfE 2017-18 "spine" establishment list (school_details_2018.csv): status 1/2/3, yyyymmdd
/// dates, phase as Primary/Secondary/Post 16 flags, LA as a 3-digit code only.
/// </summary>
public sealed class SpineRegisterParser : IRowParser<SchoolRecord>
{
    public string Dataset => "spine-register";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["Name"], ["Local Authority"], ["Other URN"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public SchoolRecord Parse(CsvLine line)
    {
        return new SchoolRecord(
            line.Urn("URN"),
            line.Text("Name") ?? throw new RowFormatException("Name is missing"),
            line.Text("Local Authority") ?? throw new RowFormatException("Local Authority is missing"),
            "",
            Clean(line.Text("Type")),
            "",
            Phase(line.OptionalInt("Primary") == 1, line.OptionalInt("Secondary") == 1, line.OptionalInt("Post 16") == 1),
            line.OptionalInt("Status") switch
            {
                1 => SchoolStatus.Open,
                2 => SchoolStatus.Closed,
                3 => SchoolStatus.Proposed,
                _ => SchoolStatus.Unknown,
            },
            line.Date("Date Opened"),
            line.Date("Date Closed"),
            null,
            null,
            line.Text("City"),
            line.Text("Postcode"),
            null,
            null,
            "spine");
    }

    private static string Clean(string? value) => value is null || value.Equals("nan", StringComparison.OrdinalIgnoreCase) ? "" : value;

    private static string Phase(bool primary, bool secondary, bool post16) => (primary, secondary, post16) switch
    {
        (true, true, _) => "All-through",
        (true, false, _) => "Primary",
        (false, true, _) => "Secondary",
        (false, false, true) => "16 plus",
        _ => "Not applicable",
    };
}

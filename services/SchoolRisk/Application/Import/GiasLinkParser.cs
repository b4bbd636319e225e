using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>GIAS links (links_edubasealldata.csv): URN, LinkURN, LinkName, LinkType, LinkEstablishedDate.</summary>
public sealed class GiasLinkParser : IRowParser<SchoolLink>
{
    public string Dataset => "links";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["LinkURN"], ["LinkType"]];

    public bool Recognises(CsvTable table) => table.HasRequired(RequiredColumns);

    public SchoolLink Parse(CsvLine line)
    {
        var urn = line.Urn("URN");
        var linked = line.Urn("LinkURN");
        if (urn == linked)
        {
            throw new RowFormatException($"URN {urn} links to itself");
        }
        return new SchoolLink
        {
            Urn = urn,
            LinkedUrn = linked,
            LinkType = line.Text("LinkType") ?? throw new RowFormatException("LinkType is missing"),
            EstablishedOn = line.Date("LinkEstablishedDate"),
        };
    }
}

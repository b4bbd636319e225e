namespace EducationHub.SchoolRisk.Domain;

/// <summary>One register row as read from an extract (GIAS or the older spine), before it meets the database.</summary>
public sealed record SchoolRecord(
    int Urn,
    string Name,
    string LaCode,
    string LaName,
    string EstablishmentType,
    string TypeGroup,
    string Phase,
    SchoolStatus Status,
    DateOnly? OpenedOn,
    DateOnly? ClosedOn,
    string? TrustName,
    string? FederationName,
    string? Town,
    string? Postcode,
    int? NumberOfPupils,
    string? RscRegion,
    string Layout)
{
    /// <summary>The latest full inspection the extract reports (GIAS "OfstedRating"/"OfstedLastInsp"), if any.</summary>
    public Inspection? LatestInspection { get; init; }
}

namespace EducationHub.Hub.Domain;

/// <summary>What the hub knows about a school from the register (SchoolRegistered).</summary>
public sealed record SchoolInfo(
    int Urn,
    string Name,
    string LaCode,
    string LaName,
    string EstablishmentType,
    string Phase,
    string Status,
    string? TrustName,
    IReadOnlyList<int> PredecessorUrns)
{
    public static SchoolInfo Unknown(int urn) =>
        new(urn, $"School {urn} (not yet in the register)", "", "", "", "", "Unknown", null, []);

    public bool IsClosed => Status.StartsWith("Closed", StringComparison.OrdinalIgnoreCase);
}

namespace EducationHub.Hub.Infrastructure;

/// <summary>The hub's copy of the register, from SchoolRegistered (latest wins).</summary>
public sealed class SchoolRow
{
    public int Urn { get; set; }
    public string Name { get; set; } = "";
    public string LaCode { get; set; } = "";
    public string LaName { get; set; } = "";
    public string EstablishmentType { get; set; } = "";
    public string Phase { get; set; } = "";
    public string Status { get; set; } = "";
    public string? TrustName { get; set; }
    /// <summary>Comma-separated predecessor URNs.</summary>
    public string PredecessorUrns { get; set; } = "";
    public long RegisteredAtMs { get; set; }
}

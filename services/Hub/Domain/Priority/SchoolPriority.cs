namespace EducationHub.Hub.Domain.Priority;

/// <summary>A school's composite priority at one instant, with everything needed to explain it.</summary>
public sealed record SchoolPriority(
    int Urn,
    int Priority,
    string Band,
    int HardScore,
    string HardBand,
    string? HardModelVersion,
    double SoftPoints,
    IReadOnlyList<PriorityReason> Reasons,
    IReadOnlyList<string> CurrentSupport,
    string? InterventionOrganisation,
    IReadOnlyDictionary<Guid, double> PointsByEvent);

namespace EducationHub.Complaints.Domain;

/// <summary>What intake knows about a complaint when it is first recorded.</summary>
public sealed record NewComplaint(
    Guid Id,
    int Urn,
    bool SchoolIsAcademy,
    ComplaintCategory Category,
    ComplainantType ComplainantType,
    IntakeChannel Channel,
    string Summary,
    DateOnly IncidentOn,
    DateOnly ReceivedOn,
    ComplaintStage StartStage,
    OutOfScopeMatter OutOfScopeMatter,
    string? LateAcceptanceReason,
    string? ComplainantName,
    string? ComplainantContact,
    string RecordedByOrganisation);

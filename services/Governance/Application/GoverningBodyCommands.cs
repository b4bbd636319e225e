using EducationHub.Governance.Domain.GoverningBodies;
using NodaTime;

namespace EducationHub.Governance.Application;

public sealed record GoverningBodyCommand(
    int Urn,
    string Name,
    GoverningBodyKind Kind,
    string ClerkName,
    string ClerkEmail,
    IReadOnlyList<ConstitutionPlaces> Constitution,
    IReadOnlyList<string> SkillsGaps,
    IReadOnlyList<string> TrainingGaps);

public sealed record AppointGovernorCommand(
    int Urn,
    string FullName,
    GovernorCategory Category,
    GoverningRole Role,
    string AppointedBy,
    LocalDate AppointedOn,
    LocalDate TermEndsOn);

public sealed record RecordReviewCommand(
    int Urn,
    ReviewKind Kind,
    LocalDate ReviewedOn,
    string Reviewer,
    ReviewOutcome Outcome,
    string Summary,
    IReadOnlyList<string> Recommendations);

public sealed record RaiseConcernCommand(int Urn, ConcernSeverity Severity, ConcernSource Source, string Summary, LocalDate? RaisedOn);

/// <summary>A governing body with its governors, as read.</summary>
public sealed record GoverningBodyView(GoverningBody Body, IReadOnlyList<Governor> Governors, LocalDate Today);

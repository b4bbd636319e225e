using NodaTime;

namespace EducationHub.Governance.Domain.GoverningBodies;

public sealed class GovernanceReview
{
    public Guid Id { get; init; }
    public int Urn { get; init; }
    public ReviewKind Kind { get; init; }
    public LocalDate ReviewedOn { get; init; }
    public string Reviewer { get; init; } = "";
    public ReviewOutcome Outcome { get; init; }
    public string Summary { get; init; } = "";
    public List<string> Recommendations { get; init; } = [];
    public string RecordedByOrganisation { get; init; } = "";
    public Instant RecordedAt { get; init; }
}

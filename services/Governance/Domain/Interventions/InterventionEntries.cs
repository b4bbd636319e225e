using NodaTime;

namespace EducationHub.Governance.Domain.Interventions;

public sealed class InterventionHistoryEntry
{
    public Guid Id { get; init; }
    public Guid InterventionId { get; init; }
    public InterventionStatus From { get; init; }
    public InterventionTrigger Trigger { get; init; }
    public InterventionStatus To { get; init; }
    public LocalDate OnDate { get; init; }
    public string Note { get; init; } = "";
    public string Organisation { get; init; } = "";
    public Instant RecordedAt { get; init; }
}

public sealed class InterventionReview
{
    public Guid Id { get; init; }
    public Guid InterventionId { get; init; }
    public LocalDate ReviewedOn { get; init; }
    public string Note { get; init; } = "";
    public string Organisation { get; init; } = "";
    public Instant RecordedAt { get; init; }
}

using NodaTime;

namespace EducationHub.Governance.Domain;

/// <summary>One line of a school's governance timeline, written in the same transaction as the change it describes.</summary>
public sealed class TimelineEntry
{
    public Guid Id { get; init; }
    public int Urn { get; init; }
    public Instant RecordedAt { get; init; }
    public LocalDate OccurredOn { get; init; }
    public string Kind { get; init; } = "";
    public string Summary { get; init; } = "";
    public Guid EntityId { get; init; }
    public string Organisation { get; init; } = "";
}

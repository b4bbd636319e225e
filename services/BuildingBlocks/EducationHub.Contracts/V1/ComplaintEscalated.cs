namespace EducationHub.Contracts.V1;

/// <summary>A complaint moved to a later stage.</summary>
public sealed record ComplaintEscalated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid ComplaintId,
    string Category,
    string FromStage,
    string ToStage) : IIntegrationEvent;

namespace EducationHub.Contracts.V1;

/// <summary>A complaint ended with an outcome.</summary>
public sealed record ComplaintConcluded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid ComplaintId,
    string Category,
    string Stage,
    string Outcome) : IIntegrationEvent;

namespace EducationHub.Contracts.V1;

/// <summary>A complaint stage passed its timescale without a response.</summary>
public sealed record ComplaintTimescaleBreached(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid ComplaintId,
    string Category,
    string Stage,
    DateOnly DueOn) : IIntegrationEvent;

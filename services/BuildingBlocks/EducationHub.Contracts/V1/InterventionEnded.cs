namespace EducationHub.Contracts.V1;

/// <summary>A formal intervention ended.</summary>
public sealed record InterventionEnded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid InterventionId,
    string Kind,
    DateOnly EndedOn,
    string Outcome) : IIntegrationEvent;

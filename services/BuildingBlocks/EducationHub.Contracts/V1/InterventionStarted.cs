namespace EducationHub.Contracts.V1;

/// <summary>A formal intervention began at a school.</summary>
public sealed record InterventionStarted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid InterventionId,
    string Kind,
    DateOnly StartedOn,
    string ResponsibleOrganisation) : IIntegrationEvent;

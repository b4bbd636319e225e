namespace EducationHub.Contracts.V1;

/// <summary>A partner or officer raised a concern about a school's governance.</summary>
public sealed record GovernanceConcernRaised(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid ConcernId,
    string Severity,
    string Organisation) : IIntegrationEvent;

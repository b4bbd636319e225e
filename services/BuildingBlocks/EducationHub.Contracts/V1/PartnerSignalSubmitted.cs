namespace EducationHub.Contracts.V1;

/// <summary>A partner organisation recorded a dated, sourced signal about a school (or corrected one).</summary>
public sealed record PartnerSignalSubmitted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid SignalId,
    string Kind,
    string ConcernLevel,
    DateOnly ObservedOn,
    string Organisation,
    Guid? SupersedesSignalId) : IIntegrationEvent;

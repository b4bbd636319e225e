namespace EducationHub.Contracts.V1;

/// <summary>The hard-data risk model produced a materially different assessment for a school.</summary>
public sealed record SchoolRiskAssessed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    DateOnly AsOf,
    int Score,
    string Band,
    string ModelVersion,
    IReadOnlyList<RiskReason> Reasons) : IIntegrationEvent;

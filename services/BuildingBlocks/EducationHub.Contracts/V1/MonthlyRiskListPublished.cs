namespace EducationHub.Contracts.V1;

/// <summary>The Education Improvement Group risk list for a month was published as an immutable snapshot.</summary>
public sealed record MonthlyRiskListPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    string Month,
    Guid SnapshotId,
    int SchoolCount,
    string PriorityModelVersion) : IIntegrationEvent;

namespace EducationHub.Contracts.V1;

/// <summary>A school entered or changed in the register (GIAS import).</summary>
public sealed record SchoolRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    string Name,
    string LaCode,
    string LaName,
    string EstablishmentType,
    string Phase,
    string Status,
    IReadOnlyList<int> PredecessorUrns,
    string? TrustName) : IIntegrationEvent;

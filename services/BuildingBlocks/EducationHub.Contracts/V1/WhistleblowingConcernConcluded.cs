namespace EducationHub.Contracts.V1;

/// <summary>A triaged whistleblowing case was closed. Carries the substantiation outcome only: never content or identity.</summary>
public sealed record WhistleblowingConcernConcluded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid CaseReference,
    string Category,
    string Severity,
    string Substantiation) : IIntegrationEvent;

namespace EducationHub.Contracts.V1;

/// <summary>A whistleblowing case was triaged. Carries URN, category and severity only: never content or identity.</summary>
public sealed record WhistleblowingConcernTriaged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid CaseReference,
    string Category,
    string Severity) : IIntegrationEvent;

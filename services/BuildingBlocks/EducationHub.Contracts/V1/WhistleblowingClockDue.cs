namespace EducationHub.Contracts.V1;

/// <summary>A whistleblowing case's acknowledgement or feedback deadline is near or missed (a reminder for case handlers).</summary>
public sealed record WhistleblowingClockDue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid CaseReference,
    string Clock,
    DateTimeOffset DueAt,
    bool Overdue) : IIntegrationEvent;

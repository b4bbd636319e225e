namespace EducationHub.Contracts.V1;

/// <summary>A warning notice's compliance period ended without compliance being recorded. Raised exactly once per notice.</summary>
public sealed record WarningNoticeDeadlinePassed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid NoticeId,
    string NoticeType,
    DateOnly Deadline) : IIntegrationEvent;

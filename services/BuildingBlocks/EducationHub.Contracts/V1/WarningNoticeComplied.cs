namespace EducationHub.Contracts.V1;

/// <summary>A school complied with a warning notice.</summary>
public sealed record WarningNoticeComplied(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid NoticeId,
    string NoticeType,
    DateOnly CompliedOn) : IIntegrationEvent;

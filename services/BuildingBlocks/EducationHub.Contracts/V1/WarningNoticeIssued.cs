namespace EducationHub.Contracts.V1;

/// <summary>A warning notice was issued to a school.</summary>
public sealed record WarningNoticeIssued(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid NoticeId,
    string NoticeType,
    IReadOnlyList<string> Grounds,
    string Issuer,
    DateOnly IssuedOn,
    DateOnly ComplianceDeadline) : IIntegrationEvent;

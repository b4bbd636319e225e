namespace EducationHub.Contracts.V1;

/// <summary>A complaint about a school was received. No complainant personal data.</summary>
public sealed record ComplaintReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid ComplaintId,
    string Category,
    string Stage,
    string Channel,
    bool SafeguardingFlag,
    Guid? CampaignId) : IIntegrationEvent;

namespace EducationHub.Contracts.V1;

/// <summary>Several similar complaints about one school in a short time were marked as one campaign, so they count once.</summary>
public sealed record ComplaintCampaignDetected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid CampaignId,
    string Category,
    IReadOnlyList<Guid> ComplaintIds) : IIntegrationEvent;

using EducationHub.Complaints.Domain;
using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;

namespace EducationHub.Complaints.Application;

/// <summary>
/// Builds the integration events for complaints. They carry URN, category, stage and outcome:
/// never the summary or anything about the complainant. Words follow <see cref="EventVocabulary"/>.
/// Each event carries the instant of the change, read from the service's clock by the caller.
/// </summary>
public static class ComplaintEvents
{
    public const string Producer = "complaints";

    public static ComplaintReceived Received(Complaint c, Guid correlationId, DateTimeOffset at)
    {
        var e = EventEnvelope.New(Producer, correlationId);
        return new ComplaintReceived(e.EventId, at, c.Urn, e.Producer, e.CorrelationId,
            c.Id, EventVocabulary.Of(c.Category), EventVocabulary.Of(c.Stage), EventVocabulary.Of(c.Channel), c.SafeguardingFlag, c.CampaignId);
    }

    public static ComplaintEscalated Escalated(Complaint c, ComplaintStage from, Guid correlationId, DateTimeOffset at)
    {
        var e = EventEnvelope.New(Producer, correlationId);
        return new ComplaintEscalated(e.EventId, at, c.Urn, e.Producer, e.CorrelationId,
            c.Id, EventVocabulary.Of(c.Category), EventVocabulary.Of(from), EventVocabulary.Of(c.Stage));
    }

    public static ComplaintConcluded Concluded(Complaint c, Guid correlationId, DateTimeOffset at)
    {
        var e = EventEnvelope.New(Producer, correlationId);
        return new ComplaintConcluded(e.EventId, at, c.Urn, e.Producer, e.CorrelationId,
            c.Id, EventVocabulary.Of(c.Category), EventVocabulary.Of(c.Stage), EventVocabulary.Of(c.FinalOutcome ?? StageOutcome.Withdrawn));
    }

    public static ComplaintTimescaleBreached Breached(Complaint c, string stage, DateOnly dueOn, Guid correlationId, DateTimeOffset at)
    {
        var e = EventEnvelope.New(Producer, correlationId);
        return new ComplaintTimescaleBreached(e.EventId, at, c.Urn, e.Producer, e.CorrelationId,
            c.Id, EventVocabulary.Of(c.Category), EventVocabulary.Of(stage), dueOn);
    }

    public static ComplaintCampaignDetected CampaignDetected(Campaign campaign, IReadOnlyList<Guid> complaintIds, Guid correlationId, DateTimeOffset at)
    {
        var e = EventEnvelope.New(Producer, correlationId);
        return new ComplaintCampaignDetected(e.EventId, at, campaign.Urn, e.Producer, e.CorrelationId,
            campaign.Id, EventVocabulary.Of(campaign.Category), complaintIds);
    }
}

using EducationHub.Contracts.V1;
using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Application;

/// <summary>
/// Flattens each integration event into a timeline entry. Events without a URN (e.g. a
/// whistleblowing report where the reporter was not sure of the school) are not about a known
/// school and are not placed on any timeline.
/// </summary>
public static class EventMapper
{
    public static TimelineEntry? ToEntry(IIntegrationEvent evt)
    {
        if (evt.Urn is not { } urn) return null;
        TimelineEntry Base(TimelineKind kind) => new(evt.EventId, urn, kind, evt.OccurredAt, evt.Producer);
        return evt switch
        {
            SchoolRegistered e => Base(TimelineKind.SchoolRegistered) with { Category = e.EstablishmentType, Level = e.Phase, Detail = e.Status },
            SchoolRiskAssessed e => Base(TimelineKind.SchoolRiskAssessed) with
            {
                Score = e.Score, Level = e.Band, Date = e.AsOf, ModelVersion = e.ModelVersion,
                Reasons = e.Reasons.Select(r => new HardReason(r.Code, r.Description, r.Contribution)).ToList(),
            },
            PartnerSignalSubmitted e => Base(TimelineKind.PartnerSignalSubmitted) with
            {
                SourceId = e.SignalId, RelatedId = e.SupersedesSignalId, Category = e.Kind, Level = e.ConcernLevel, Date = e.ObservedOn, Organisation = e.Organisation,
            },
            GovernanceConcernRaised e => Base(TimelineKind.GovernanceConcernRaised) with { SourceId = e.ConcernId, Level = e.Severity, Organisation = e.Organisation },
            WarningNoticeIssued e => Base(TimelineKind.WarningNoticeIssued) with
            {
                SourceId = e.NoticeId, Category = e.NoticeType, Detail = string.Join(", ", e.Grounds), Organisation = e.Issuer, Date = e.IssuedOn,
            },
            WarningNoticeComplied e => Base(TimelineKind.WarningNoticeComplied) with { SourceId = e.NoticeId, Category = e.NoticeType, Date = e.CompliedOn },
            WarningNoticeDeadlinePassed e => Base(TimelineKind.WarningNoticeDeadlinePassed) with { SourceId = e.NoticeId, Category = e.NoticeType, Date = e.Deadline },
            InterventionStarted e => Base(TimelineKind.InterventionStarted) with
            {
                SourceId = e.InterventionId, Category = e.Kind, Date = e.StartedOn, Organisation = e.ResponsibleOrganisation,
            },
            InterventionEnded e => Base(TimelineKind.InterventionEnded) with { SourceId = e.InterventionId, Category = e.Kind, Date = e.EndedOn, Detail = e.Outcome },
            ComplaintReceived e => Base(TimelineKind.ComplaintReceived) with
            {
                SourceId = e.ComplaintId, RelatedId = e.CampaignId, Category = e.Category, Detail = e.Stage, Organisation = e.Channel, Flag = e.SafeguardingFlag,
            },
            ComplaintEscalated e => Base(TimelineKind.ComplaintEscalated) with { SourceId = e.ComplaintId, Category = e.Category, Detail = $"{e.FromStage} to {e.ToStage}" },
            ComplaintConcluded e => Base(TimelineKind.ComplaintConcluded) with { SourceId = e.ComplaintId, Category = e.Category, Level = e.Stage, Detail = e.Outcome },
            ComplaintTimescaleBreached e => Base(TimelineKind.ComplaintTimescaleBreached) with { SourceId = e.ComplaintId, Category = e.Category, Detail = e.Stage, Date = e.DueOn },
            ComplaintCampaignDetected e => Base(TimelineKind.ComplaintCampaignDetected) with { SourceId = e.CampaignId, Category = e.Category, RelatedIds = e.ComplaintIds.ToList() },
            WhistleblowingConcernTriaged e => Base(TimelineKind.WhistleblowingConcernTriaged) with { SourceId = e.CaseReference, Category = e.Category, Level = e.Severity },
            WhistleblowingConcernConcluded e => Base(TimelineKind.WhistleblowingConcernConcluded) with
            {
                SourceId = e.CaseReference, Category = e.Category, Level = e.Severity, Detail = e.Substantiation,
            },
            WhistleblowingClockDue e => Base(TimelineKind.WhistleblowingClockDue) with
            {
                SourceId = e.CaseReference, Category = e.Clock, Detail = e.Overdue ? "overdue" : "due soon", Date = DateOnly.FromDateTime(e.DueAt.UtcDateTime),
            },
            _ => null,
        };
    }
}

using EducationHub.Hub.Domain.Priority;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Hub.Domain;

/// <summary>One line per timeline entry for the school page and profile API. Whistleblowing: category and severity only.</summary>
public static class TimelineWording
{
    public static string Summary(TimelineEntry e, OrganisationNames organisations)
    {
        var org = organisations.Display(e.Organisation);
        string D(DateOnly? d) => d is { } x ? Wording.Date(x) : Wording.Date(e.OccurredAt);
        var h = Wording.Humanise;
        return e.Kind switch
        {
            TimelineKind.SchoolRegistered => $"Register updated: {e.Category}, {e.Level}, {e.Detail}.",
            TimelineKind.SchoolRiskAssessed => $"Risk assessed: score {e.Score} ({e.Level}), model {e.ModelVersion}.",
            TimelineKind.PartnerSignalSubmitted => $"{org}: {h(e.Category)}, {h(e.Level)} concern, observed {D(e.Date)}" + (e.RelatedId is null ? "." : " (corrects an earlier signal)."),
            TimelineKind.GovernanceConcernRaised => $"Governance concern raised by {org}, {h(e.Level)} severity.",
            TimelineKind.WarningNoticeIssued => $"Warning notice ({h(e.Category)}) issued by {Wording.NoticeIssuer(e.Organisation, organisations)}" + (string.IsNullOrEmpty(e.Detail) ? "." : $", grounds: {h(e.Detail)}."),
            TimelineKind.WarningNoticeComplied => $"Warning notice ({h(e.Category)}) complied with on {D(e.Date)}.",
            TimelineKind.WarningNoticeDeadlinePassed => $"Warning notice ({h(e.Category)}) deadline {D(e.Date)} passed without compliance.",
            TimelineKind.InterventionStarted => $"Intervention started: {h(e.Category)}, led by {org}.",
            TimelineKind.InterventionEnded => $"Intervention ended: {h(e.Category)}" + (string.IsNullOrEmpty(e.Detail) ? "." : $", outcome {h(e.Detail)}."),
            TimelineKind.ComplaintReceived => $"Complaint received: {h(e.Category)}, {h(e.Detail)}" + (e.Flag ? ", safeguarding flag" : "") + (e.RelatedId is null ? "." : ", part of a campaign."),
            TimelineKind.ComplaintEscalated => $"Complaint escalated ({h(e.Category)}): {h(e.Detail)}.",
            TimelineKind.ComplaintConcluded => $"Complaint concluded ({h(e.Category)}): {h(e.Detail)} at {h(e.Level)}.",
            TimelineKind.ComplaintTimescaleBreached => $"Complaint ({h(e.Category)}) {h(e.Detail)} not answered by {D(e.Date)}.",
            TimelineKind.ComplaintCampaignDetected => $"Complaint campaign detected ({h(e.Category)}): {Wording.Plural(e.RelatedIds?.Count ?? 0, "complaint", "complaints")} counted once.",
            TimelineKind.WhistleblowingConcernTriaged => $"Whistleblowing concern triaged: {h(e.Category)}, {h(e.Level)} severity.",
            TimelineKind.WhistleblowingConcernConcluded => $"Whistleblowing concern closed: {h(e.Category)}, {h(e.Detail)}.",
            TimelineKind.WhistleblowingClockDue => $"Whistleblowing case {h(e.Category)} deadline {h(e.Detail)} ({D(e.Date)}).",
            _ => h(e.Kind.ToString()),
        };
    }

    public static string SourceRef(TimelineEntry e)
    {
        var kind = e.Kind switch
        {
            TimelineKind.PartnerSignalSubmitted => "signal",
            TimelineKind.GovernanceConcernRaised => "governance-concern",
            TimelineKind.WarningNoticeIssued or TimelineKind.WarningNoticeComplied or TimelineKind.WarningNoticeDeadlinePassed => "notice",
            TimelineKind.InterventionStarted or TimelineKind.InterventionEnded => "intervention",
            TimelineKind.ComplaintCampaignDetected => "campaign",
            TimelineKind.ComplaintReceived or TimelineKind.ComplaintEscalated or TimelineKind.ComplaintConcluded or TimelineKind.ComplaintTimescaleBreached => "complaint",
            TimelineKind.WhistleblowingConcernTriaged or TimelineKind.WhistleblowingConcernConcluded or TimelineKind.WhistleblowingClockDue => "whistleblowing-case",
            _ => null,
        };
        return kind is null || e.SourceId is null ? Wording.EventRef(e.EventId) : Wording.Ref(kind, e.SourceId.Value);
    }
}

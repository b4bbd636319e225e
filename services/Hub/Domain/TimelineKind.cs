namespace EducationHub.Hub.Domain;

/// <summary>What a timeline entry records: one value per integration event type the hub consumes.</summary>
public enum TimelineKind
{
    SchoolRegistered = 1,
    SchoolRiskAssessed = 2,
    PartnerSignalSubmitted = 3,
    GovernanceConcernRaised = 4,
    WarningNoticeIssued = 5,
    WarningNoticeComplied = 6,
    WarningNoticeDeadlinePassed = 7,
    InterventionStarted = 8,
    InterventionEnded = 9,
    ComplaintReceived = 10,
    ComplaintEscalated = 11,
    ComplaintConcluded = 12,
    ComplaintTimescaleBreached = 13,
    ComplaintCampaignDetected = 14,
    WhistleblowingConcernTriaged = 15,
    WhistleblowingConcernConcluded = 16,
    WhistleblowingClockDue = 17,
}

using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Tests.Domain;

/// <summary>Builds timeline entries the way the consumers would from real events.</summary>
internal static class T
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static Guid Id() => Guid.NewGuid();

    public static TimelineEntry Risk(int urn, int score, string band, DateTimeOffset at, params HardReason[] reasons) =>
        new(Id(), urn, TimelineKind.SchoolRiskAssessed, at, "schoolrisk", Level: band, Score: score,
            Date: DateOnly.FromDateTime(at.UtcDateTime), ModelVersion: "sr-1", Reasons: reasons);

    public static TimelineEntry NoticeIssued(int urn, Guid notice, DateTimeOffset at) =>
        new(Id(), urn, TimelineKind.WarningNoticeIssued, at, "governance", SourceId: notice, Category: "LowStandards",
            Detail: "low-standards", Organisation: "LA", Date: DateOnly.FromDateTime(at.UtcDateTime));

    public static TimelineEntry NoticeComplied(int urn, Guid notice, DateTimeOffset at) =>
        new(Id(), urn, TimelineKind.WarningNoticeComplied, at, "governance", SourceId: notice, Category: "LowStandards",
            Date: DateOnly.FromDateTime(at.UtcDateTime));

    public static TimelineEntry Complaint(int urn, DateTimeOffset at, Guid? complaint = null, Guid? campaign = null, bool safeguarding = false) =>
        new(Id(), urn, TimelineKind.ComplaintReceived, at, "complaints", SourceId: complaint ?? Id(), RelatedId: campaign,
            Category: "bullying", Detail: "stage-1", Flag: safeguarding);

    public static TimelineEntry Campaign(int urn, DateTimeOffset at, Guid campaign, params Guid[] complaints) =>
        new(Id(), urn, TimelineKind.ComplaintCampaignDetected, at, "complaints", SourceId: campaign, Category: "bullying", RelatedIds: complaints);

    public static TimelineEntry Whistle(int urn, DateTimeOffset at, string severity, Guid? caseRef = null) =>
        new(Id(), urn, TimelineKind.WhistleblowingConcernTriaged, at, "whistleblowing", SourceId: caseRef ?? Id(),
            Category: "safeguarding", Level: severity);

    public static TimelineEntry Signal(int urn, DateTimeOffset at, string level, Guid? id = null, Guid? supersedes = null, string org = "SIP") =>
        new(Id(), urn, TimelineKind.PartnerSignalSubmitted, at, "schoolrisk", SourceId: id ?? Id(), RelatedId: supersedes,
            Category: "ImprovementVisit", Level: level, Organisation: org, Date: DateOnly.FromDateTime(at.UtcDateTime));
}

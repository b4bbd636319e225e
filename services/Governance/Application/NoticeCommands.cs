using EducationHub.Governance.Domain.Notices;
using NodaTime;

namespace EducationHub.Governance.Application;

public sealed record DraftNoticeCommand(
    int Urn,
    NoticeType Type,
    IReadOnlyList<NoticeGround> Grounds,
    Issuer Issuer,
    string IssuingOffice,
    string Summary,
    IReadOnlyList<string> RequiredActions,
    int? ComplianceWorkingDays);

public sealed record IssueNoticeCommand(Guid? NoticeId, DraftNoticeCommand? Draft, LocalDate? IssuedOn, int? ComplianceWorkingDays);

public sealed record TransitionNoticeCommand(
    Guid NoticeId,
    NoticeTrigger Trigger,
    LocalDate? OnDate,
    string Note,
    Guid? SupersededByNoticeId,
    Guid? InterventionId);

public sealed record NoticeQuery(int? Urn, IReadOnlyList<NoticeStatus> Statuses, int? DueWithinDays, int PageSize, int Offset);

public sealed record AttachDocumentCommand(Guid NoticeId, string FileName, string ContentType, byte[] Content);

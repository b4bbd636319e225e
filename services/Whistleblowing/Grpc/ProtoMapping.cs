using EducationHub.Whistleblowing.Application;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using D = EducationHub.Whistleblowing.Domain;
using P = EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Whistleblowing.Grpc;

/// <summary>Maps between the public contract and the domain (the stored enums never depend on proto numbering).</summary>
internal static class ProtoMapping
{
    public static D.ConcernCategory? ToDomain(P.ConcernCategory c) => c switch
    {
        P.ConcernCategory.Safeguarding => D.ConcernCategory.Safeguarding,
        P.ConcernCategory.ExtremismRadicalisation => D.ConcernCategory.ExtremismRadicalisation,
        P.ConcernCategory.Governance => D.ConcernCategory.Governance,
        P.ConcernCategory.Finance => D.ConcernCategory.Finance,
        P.ConcernCategory.CurriculumNarrowing => D.ConcernCategory.CurriculumNarrowing,
        P.ConcernCategory.StaffBullyingHarassment => D.ConcernCategory.StaffBullyingHarassment,
        P.ConcernCategory.Other => D.ConcernCategory.Other,
        _ => null,
    };

    public static P.ConcernCategory ToProto(D.ConcernCategory c) => c switch
    {
        D.ConcernCategory.Safeguarding => P.ConcernCategory.Safeguarding,
        D.ConcernCategory.ExtremismRadicalisation => P.ConcernCategory.ExtremismRadicalisation,
        D.ConcernCategory.Governance => P.ConcernCategory.Governance,
        D.ConcernCategory.Finance => P.ConcernCategory.Finance,
        D.ConcernCategory.CurriculumNarrowing => P.ConcernCategory.CurriculumNarrowing,
        D.ConcernCategory.StaffBullyingHarassment => P.ConcernCategory.StaffBullyingHarassment,
        _ => P.ConcernCategory.Other,
    };

    public static D.CaseStatus? ToDomain(P.CaseStatus s) => s switch
    {
        P.CaseStatus.New => D.CaseStatus.New,
        P.CaseStatus.Acknowledged => D.CaseStatus.Acknowledged,
        P.CaseStatus.InTriage => D.CaseStatus.InTriage,
        P.CaseStatus.Investigating => D.CaseStatus.Investigating,
        P.CaseStatus.Referred => D.CaseStatus.Referred,
        P.CaseStatus.Closed => D.CaseStatus.Closed,
        _ => null,
    };

    public static P.CaseStatus ToProto(D.CaseStatus s) => s switch
    {
        D.CaseStatus.New => P.CaseStatus.New,
        D.CaseStatus.Acknowledged => P.CaseStatus.Acknowledged,
        D.CaseStatus.InTriage => P.CaseStatus.InTriage,
        D.CaseStatus.Investigating => P.CaseStatus.Investigating,
        D.CaseStatus.Referred => P.CaseStatus.Referred,
        _ => P.CaseStatus.Closed,
    };

    public static D.Severity? ToDomain(P.Severity s) => s switch
    {
        P.Severity.Low => D.Severity.Low,
        P.Severity.Medium => D.Severity.Medium,
        P.Severity.High => D.Severity.High,
        P.Severity.Critical => D.Severity.Critical,
        _ => null,
    };

    public static P.Severity ToProto(D.Severity? s) => s switch
    {
        D.Severity.Low => P.Severity.Low,
        D.Severity.Medium => P.Severity.Medium,
        D.Severity.High => P.Severity.High,
        D.Severity.Critical => P.Severity.Critical,
        _ => P.Severity.Unspecified,
    };

    public static D.ReferralAgency? ToDomain(P.ReferralAgency a) => a switch
    {
        P.ReferralAgency.Ofsted => D.ReferralAgency.Ofsted,
        P.ReferralAgency.Police => D.ReferralAgency.Police,
        P.ReferralAgency.Lado => D.ReferralAgency.Lado,
        P.ReferralAgency.Dfe => D.ReferralAgency.DfE,
        P.ReferralAgency.Other => D.ReferralAgency.Other,
        _ => null,
    };

    public static P.ReferralAgency ToProto(D.ReferralAgency? a) => a switch
    {
        D.ReferralAgency.Ofsted => P.ReferralAgency.Ofsted,
        D.ReferralAgency.Police => P.ReferralAgency.Police,
        D.ReferralAgency.Lado => P.ReferralAgency.Lado,
        D.ReferralAgency.DfE => P.ReferralAgency.Dfe,
        D.ReferralAgency.Other => P.ReferralAgency.Other,
        _ => P.ReferralAgency.Unspecified,
    };

    public static D.Substantiation? ToDomain(P.Substantiation s) => s switch
    {
        P.Substantiation.Substantiated => D.Substantiation.Substantiated,
        P.Substantiation.PartiallySubstantiated => D.Substantiation.PartiallySubstantiated,
        P.Substantiation.Unsubstantiated => D.Substantiation.Unsubstantiated,
        P.Substantiation.Unfounded => D.Substantiation.Unfounded,
        P.Substantiation.NoFinding => D.Substantiation.NoFinding,
        _ => null,
    };

    public static P.Substantiation ToProto(D.Substantiation? s) => s switch
    {
        D.Substantiation.Substantiated => P.Substantiation.Substantiated,
        D.Substantiation.PartiallySubstantiated => P.Substantiation.PartiallySubstantiated,
        D.Substantiation.Unsubstantiated => P.Substantiation.Unsubstantiated,
        D.Substantiation.Unfounded => P.Substantiation.Unfounded,
        D.Substantiation.NoFinding => P.Substantiation.NoFinding,
        _ => P.Substantiation.Unspecified,
    };

    public static P.IdentityRequestState ToProto(D.IdentityRequestState s) => s switch
    {
        D.IdentityRequestState.Pending => P.IdentityRequestState.Pending,
        D.IdentityRequestState.Approved => P.IdentityRequestState.Approved,
        _ => P.IdentityRequestState.Refused,
    };

    public static Timestamp? ToProto(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static P.CaseSummary ToSummary(D.WhistleblowingCase c) => new()
    {
        CaseId = c.Id.ToString(),
        Reference = c.Reference,
        Status = ToProto(c.Status),
        Category = ToProto(c.Category),
        Urn = c.Urn?.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Severity = ToProto(c.Severity),
        ReceivedAt = ToProto(c.ReceivedAt),
        AcknowledgementDueBy = ToProto(c.AcknowledgementDueAt),
        AcknowledgedAt = ToProto(c.AcknowledgedAt),
        FeedbackDueBy = ToProto(c.FeedbackDueAt),
        FeedbackGivenAt = ToProto(c.FeedbackGivenAt),
        ClosedAt = ToProto(c.ClosedAt),
        AssignedTo = c.AssignedTo ?? "",
        HasIdentity = c.HasIdentity,
        ContentPurged = c.IsPurged,
        ReferredTo = ToProto(c.ReferredTo),
        Substantiation = ToProto(c.Substantiation),
    };

    public static P.AttachmentInfo ToProto(AttachmentView a) => new()
    {
        AttachmentId = a.Id.ToString(),
        FileName = a.FileName,
        ContentType = a.ContentType,
        SizeBytes = a.SizeBytes,
    };

    public static P.ConversationMessage ToProto(MessageView m) => new()
    {
        MessageId = m.Id.ToString(),
        Author = m.Author == D.MessageAuthor.Reporter ? P.MessageAuthor.Reporter : P.MessageAuthor.Handler,
        SentAt = ToProto(m.SentAt),
        Body = m.Body,
        AdditionalInformation = m.Kind == D.MessageKind.AdditionalInformation,
        Attachments = { m.Attachments.Select(ToProto) },
    };

    public static P.ReporterConversation ToProto(ReporterConversationView v) => new()
    {
        Status = ToProto(v.Status),
        ReceivedAt = ToProto(v.ReceivedAt),
        Category = ToProto(v.Category),
        CanReply = v.CanReply,
        Messages = { v.Messages.Select(ToProto) },
    };

    public static P.CaseDetail ToProto(CaseDetailView v)
    {
        var detail = new P.CaseDetail
        {
            Summary = ToSummary(v.Case),
            SchoolName = v.Content?.SchoolName ?? "",
            WhatHappened = v.Content?.WhatHappened ?? "",
            WhenItHappened = v.Content?.WhenItHappened ?? "",
            WhoElseKnows = v.Content?.WhoElseKnows ?? "",
            ReferralNote = v.ReferralNote ?? "",
            OutcomeSummary = v.OutcomeSummary ?? "",
            Attachments = { v.Attachments.Select(ToProto) },
        };
        foreach (var m in v.Messages)
        {
            if (m.Kind == D.MessageKind.InternalNote)
            {
                detail.Notes.Add(new P.InternalNote { NoteId = m.Id.ToString(), Author = m.HandlerSubject ?? "", WrittenAt = ToProto(m.SentAt), Body = m.Body });
            }
            else
            {
                var message = ToProto(m);
                detail.Messages.Add(message);
            }
        }

        return detail;
    }

    public static P.IdentityRequest ToProto(IdentityCustodyService.RequestView v) => new()
    {
        RequestId = v.Request.Id.ToString(),
        CaseId = v.Request.CaseId.ToString(),
        RequestedBy = v.Request.RequestedBy,
        Reason = v.Reason,
        RequestedAt = ToProto(v.Request.RequestedAt),
        State = ToProto(v.Request.State),
        DecidedBy = v.Request.DecidedBy ?? "",
        DecidedAt = ToProto(v.Request.DecidedAt),
    };

    public static List<IncomingAttachment> ToIncoming(IEnumerable<P.AttachmentUpload> uploads) =>
        uploads.Select(u => new IncomingAttachment(u.FileName.Trim(), u.ContentType.Trim().ToLowerInvariant(), u.Content.ToByteArray())).ToList();

    public static ByteString Bytes(byte[] content) => ByteString.CopyFrom(content);
}

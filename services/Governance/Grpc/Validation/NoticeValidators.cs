using EducationHub.Calendar;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Grpc;
using NodaTime;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc.Validation;

internal sealed class DraftNoticeValidator : IRequestValidator<Pb.DraftNoticeRequest>
{
    public void Validate(Pb.DraftNoticeRequest request, FieldErrors errors) => ValidateDraft(request, errors, "");

    /// <summary>Also used for IssueNoticeRequest.draft, with the "draft." prefix.</summary>
    public static void ValidateDraft(Pb.DraftNoticeRequest r, FieldErrors errors, string prefix)
    {
        Fields.Urn(errors, r.Urn, prefix + "urn");
        Fields.Enum(errors, r.Type, prefix + "type");
        Fields.Enum(errors, r.Issuer, prefix + "issuer");
        Fields.Text(errors, r.IssuingOffice, prefix + "issuing_office", Fields.MaxShortText);
        Fields.Text(errors, r.Summary, prefix + "summary");
        errors.Require(r.RequiredActions.Count > 0, prefix + "required_actions", "a notice must set out at least one action the school is required to take");
        Fields.TextList(errors, r.RequiredActions, prefix + "required_actions", 50, 1000);
        errors.Require(r.ComplianceWorkingDays is >= 0 and <= NoticeRules.MaxComplianceWorkingDays, prefix + "compliance_working_days",
            $"must be between 1 and {NoticeRules.MaxComplianceWorkingDays} (0 = the default)");

        errors.Require(r.Grounds.Count > 0, prefix + "grounds", "at least one ground is required");
        errors.Require(r.Grounds.Distinct().Count() == r.Grounds.Count, prefix + "grounds", "must not repeat a ground");
        if (r.Type == Pb.NoticeType.Unspecified || !Enum.IsDefined(r.Type))
        {
            return;
        }

        var type = (NoticeType)r.Type;
        var permitted = NoticeRules.PermittedGrounds(type);
        for (var i = 0; i < r.Grounds.Count; i++)
        {
            if (!permitted.Contains((NoticeGround)r.Grounds[i]))
            {
                errors.Add($"{prefix}grounds[{i}]", $"is not a ground for {Domain.ProtoNames.Of(type)}; allowed: {string.Join(", ", permitted.Select(Domain.ProtoNames.Of))}");
            }
        }

        var required = NoticeRules.RequiredIssuer(type);
        if (r.Issuer != Pb.Issuer.Unspecified && (Issuer)r.Issuer != required)
        {
            errors.Add(prefix + "issuer", $"{Domain.ProtoNames.Of(type)} ({NoticeRules.LegalBasis(type)}) can only be issued by {Domain.ProtoNames.Of(required)}");
        }
    }
}

internal sealed class IssueNoticeValidator(IClock clock) : IRequestValidator<Pb.IssueNoticeRequest>
{
    public void Validate(Pb.IssueNoticeRequest r, FieldErrors errors)
    {
        switch (r.NoticeCase)
        {
            case Pb.IssueNoticeRequest.NoticeOneofCase.NoticeId:
                Fields.Id(errors, r.NoticeId, "notice_id");
                break;
            case Pb.IssueNoticeRequest.NoticeOneofCase.Draft:
                DraftNoticeValidator.ValidateDraft(r.Draft, errors, "draft.");
                break;
            default:
                errors.Add("notice_id", "either notice_id (a draft to issue) or draft is required");
                break;
        }

        Fields.OptionalDate(errors, r.IssuedOn, "issued_on", clock.TodayInLondon());
        errors.Require(r.ComplianceWorkingDays is >= 0 and <= NoticeRules.MaxComplianceWorkingDays, "compliance_working_days",
            $"must be between 1 and {NoticeRules.MaxComplianceWorkingDays} (0 = keep the draft's)");
    }
}

internal sealed class TransitionNoticeValidator(IClock clock) : IRequestValidator<Pb.TransitionNoticeRequest>
{
    public void Validate(Pb.TransitionNoticeRequest r, FieldErrors errors)
    {
        Fields.Id(errors, r.NoticeId, "notice_id");
        Fields.Enum(errors, r.Trigger, "trigger");
        Fields.OptionalDate(errors, r.OnDate, "on_date", clock.TodayInLondon());
        Fields.Text(errors, r.Note, "note", 2000, required: false);
        Fields.OptionalId(errors, r.SupersededByNoticeId, "superseded_by_notice_id");
        Fields.OptionalId(errors, r.InterventionId, "intervention_id");
    }
}

internal sealed class GetNoticeValidator : IRequestValidator<Pb.GetNoticeRequest>
{
    public void Validate(Pb.GetNoticeRequest r, FieldErrors errors) => Fields.Id(errors, r.NoticeId, "notice_id");
}

internal sealed class ListNoticesValidator : IRequestValidator<Pb.ListNoticesRequest>
{
    public void Validate(Pb.ListNoticesRequest r, FieldErrors errors)
    {
        Fields.OptionalUrn(errors, r.Urn);
        for (var i = 0; i < r.Statuses.Count; i++)
        {
            Fields.Enum(errors, r.Statuses[i], $"statuses[{i}]");
        }

        errors.Require(r.DueWithinDays is >= 0 and <= 366, "due_within_days", "must be between 0 and 366");
        Fields.Paging(errors, r.PageSize, r.PageToken);
    }
}

internal sealed class AttachNoticeDocumentValidator : IRequestValidator<Pb.AttachNoticeDocumentRequest>
{
    public void Validate(Pb.AttachNoticeDocumentRequest r, FieldErrors errors)
    {
        Fields.Id(errors, r.NoticeId, "notice_id");
        Fields.Text(errors, r.FileName, "file_name", 255);
        errors.Require(r.FileName.IndexOfAny(['/', '\\', '\0']) < 0, "file_name", "must be a file name, not a path");
        errors.Require(DocumentPolicy.AllowedContentTypes.Contains(r.ContentType), "content_type",
            $"must be one of {string.Join(", ", DocumentPolicy.AllowedContentTypes)}");
        errors.Require(!r.Content.IsEmpty, "content", "is required");
    }
}

internal sealed class GetNoticeDocumentValidator : IRequestValidator<Pb.GetNoticeDocumentRequest>
{
    public void Validate(Pb.GetNoticeDocumentRequest r, FieldErrors errors) => Fields.Id(errors, r.DocumentId, "document_id");
}

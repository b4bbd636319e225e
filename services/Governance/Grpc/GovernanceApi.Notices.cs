using EducationHub.Governance.Application;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Grpc;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc;

public sealed partial class GovernanceApi
{
    [RequiresScope(WriteScope)]
    public async Task<Pb.Notice> DraftNotice(Pb.DraftNoticeRequest request, ServerCallContext context)
    {
        var notice = await notices.DraftAsync(ToCommand(request), CallerOf(context), context.CancellationToken);
        return Mapping.ToProto(notice, Today, calendar);
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.Notice> IssueNotice(Pb.IssueNoticeRequest request, ServerCallContext context)
    {
        var command = new IssueNoticeCommand(
            request.NoticeCase == Pb.IssueNoticeRequest.NoticeOneofCase.NoticeId ? IdOf(request.NoticeId) : null,
            request.NoticeCase == Pb.IssueNoticeRequest.NoticeOneofCase.Draft ? ToCommand(request.Draft) : null,
            Fields.ParseDate(request.IssuedOn),
            request.ComplianceWorkingDays == 0 ? null : request.ComplianceWorkingDays);
        var notice = await notices.IssueAsync(command, CallerOf(context), context.CancellationToken);
        return Mapping.ToProto(notice, Today, calendar);
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.Notice> TransitionNotice(Pb.TransitionNoticeRequest request, ServerCallContext context)
    {
        var command = new TransitionNoticeCommand(
            IdOf(request.NoticeId),
            (NoticeTrigger)request.Trigger,
            Fields.ParseDate(request.OnDate),
            request.Note,
            Fields.ParseId(request.SupersededByNoticeId),
            Fields.ParseId(request.InterventionId));
        var notice = await notices.TransitionAsync(command, CallerOf(context), context.CancellationToken);
        return Mapping.ToProto(notice, Today, calendar);
    }

    [RequiresScope(ReadScope)]
    public async Task<Pb.Notice> GetNotice(Pb.GetNoticeRequest request, ServerCallContext context) =>
        Mapping.ToProto(await notices.GetAsync(IdOf(request.NoticeId), context.CancellationToken), Today, calendar);

    [RequiresScope(ReadScope)]
    public async Task<Pb.ListNoticesResponse> ListNotices(Pb.ListNoticesRequest request, ServerCallContext context)
    {
        var query = new NoticeQuery(
            request.Urn == 0 ? null : request.Urn,
            [.. request.Statuses.Select(s => (NoticeStatus)s)],
            request.DueWithinDays == 0 ? null : request.DueWithinDays,
            Fields.PageSize(request.PageSize),
            Fields.Offset(request.PageToken));
        var (page, next) = await notices.ListAsync(query, context.CancellationToken);
        var today = Today;
        var response = new Pb.ListNoticesResponse { NextPageToken = next?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        response.Notices.AddRange(page.Select(n => Mapping.ToProto(n, today, calendar)));
        return response;
    }

    [RequiresScope(ReadScope)]
    public Task<Pb.Lifecycle> GetNoticeLifecycle(Pb.GetNoticeLifecycleRequest request, ServerCallContext context) =>
        Task.FromResult(Mapping.NoticeLifecycleProto());

    [RequiresScope(WriteScope)]
    public async Task<Pb.NoticeDocument> AttachNoticeDocument(Pb.AttachNoticeDocumentRequest request, ServerCallContext context)
    {
        var command = new AttachDocumentCommand(IdOf(request.NoticeId), request.FileName.Trim(), request.ContentType, request.Content.ToByteArray());
        return Mapping.ToProto(await notices.AttachDocumentAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(ReadScope)]
    public async Task<Pb.NoticeDocumentContent> GetNoticeDocument(Pb.GetNoticeDocumentRequest request, ServerCallContext context)
    {
        var (document, content) = await notices.GetDocumentAsync(IdOf(request.DocumentId), CallerOf(context), context.CancellationToken);
        return Mapping.ToProto(document, content);
    }

    private static DraftNoticeCommand ToCommand(Pb.DraftNoticeRequest r) => new(
        r.Urn,
        (NoticeType)r.Type,
        [.. r.Grounds.Select(g => (NoticeGround)g)],
        (Issuer)r.Issuer,
        r.IssuingOffice,
        r.Summary,
        [.. r.RequiredActions],
        r.ComplianceWorkingDays == 0 ? null : r.ComplianceWorkingDays);
}

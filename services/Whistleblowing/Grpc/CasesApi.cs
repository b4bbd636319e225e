using System.Globalization;
using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Application;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using static EducationHub.Whistleblowing.Grpc.ErrorTranslation;

namespace EducationHub.Whistleblowing.Grpc;

/// <summary>The whistleblowing team's API. Scopes per method; every call is audited by the application layer.</summary>
public sealed class CasesApi(CaseHandlingService cases, IdentityCustodyService custody, MaintenanceService maintenance) : IGrpcService
{
    public static ServiceDescriptor Descriptor => CasesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("WhistleblowingCases");

    [RequiresScope(WhistleblowingScopes.CasesRead)]
    public Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var pageSize = request.PageSize == 0 ? 50 : request.PageSize;
        errors.Require(pageSize is >= 1 and <= 200, "page_size", "must be between 1 and 200");
        var offset = 0;
        errors.Require(request.PageToken.Length == 0 || (int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0), "page_token", "must be a token from a previous response");
        var status = ProtoMapping.ToDomain(request.Status);
        errors.Require(request.Status == CaseStatus.Unspecified || status is not null, "status", "must be one of the listed statuses (unspecified for all)");
        RequestValidation.Text(request.AssignedTo, "assigned_to", FieldLimits.Handler, required: false, errors);
        errors.ThrowIfAny();
        return Run(async () =>
        {
            var page = await cases.ListAsync(ActorOf(context), status, request.AssignedTo, pageSize, offset, context.CancellationToken);
            return new ListCasesResponse { Cases = { page.Cases.Select(ProtoMapping.ToSummary) }, NextPageToken = page.NextPageToken ?? "" };
        });
    }

    [RequiresScope(WhistleblowingScopes.CasesRead)]
    public Task<CaseDetail> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var id = CaseId(request.CaseId);
        return Run(async () => ProtoMapping.ToProto(await cases.GetAsync(ActorOf(context), id, context.CancellationToken)));
    }

    [RequiresScope(WhistleblowingScopes.CasesRead)]
    public Task<ListDueCasesResponse> ListDueCases(ListDueCasesRequest request, ServerCallContext context) => Run(async () =>
    {
        var due = await cases.DueAsync(ActorOf(context), context.CancellationToken);
        return new ListDueCasesResponse { Overdue = { due.Overdue.Select(ToProto) }, DueSoon = { due.DueSoon.Select(ToProto) } };
    });

    [RequiresScope(WhistleblowingScopes.CasesRead)]
    public Task<AttachmentContent> GetAttachment(GetAttachmentRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = ParseId(request.CaseId, "case_id", errors);
        var attachmentId = ParseId(request.AttachmentId, "attachment_id", errors);
        errors.ThrowIfAny();
        return Run(async () =>
        {
            var file = await cases.AttachmentAsync(ActorOf(context), caseId, attachmentId, context.CancellationToken);
            return new AttachmentContent { Info = ProtoMapping.ToProto(file.Info), Content = ProtoMapping.Bytes(file.Content) };
        });
    }

    [RequiresScope(WhistleblowingScopes.CasesRead)]
    public Task<GetAuditLogResponse> GetAuditLog(GetAuditLogRequest request, ServerCallContext context)
    {
        var id = CaseId(request.CaseId);
        return Run(async () =>
        {
            var entries = await cases.AuditLogAsync(ActorOf(context), id, context.CancellationToken);
            return new GetAuditLogResponse
            {
                Entries =
                {
                    entries.Select(e => new AuditEntry
                    {
                        At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)),
                        Actor = e.Subject,
                        Organisation = e.Organisation,
                        Action = e.Action,
                    }),
                },
            };
        });
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> AssignCase(AssignCaseRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        RequestValidation.Text(request.Handler, "handler", FieldLimits.Handler, required: false, errors);
        errors.ThrowIfAny();
        return Detail(context, a => cases.AssignAsync(a, id, request.Handler.Trim(), context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> AcknowledgeCase(AcknowledgeCaseRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        RequestValidation.Text(request.Message, "message", FieldLimits.MessageBody, required: false, errors);
        errors.ThrowIfAny();
        return Detail(context, a => cases.AcknowledgeAsync(a, id, request.Message, context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> BeginTriage(BeginTriageRequest request, ServerCallContext context)
    {
        var id = CaseId(request.CaseId);
        return Detail(context, a => cases.BeginTriageAsync(a, id, context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public async Task<CaseDetail> RecordTriage(RecordTriageRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        var severity = ProtoMapping.ToDomain(request.Severity);
        errors.Require(severity is not null, "severity", "is required (low, medium, high or critical)");
        var urn = RequestValidation.Urn(request.Urn, "urn", errors);
        var category = request.Category == ConcernCategory.Unspecified ? null : ProtoMapping.ToDomain(request.Category);
        errors.Require(request.Category == ConcernCategory.Unspecified || category is not null, "category", "must be one of the listed categories");
        errors.ThrowIfAny();
        try
        {
            return await Detail(context, a => cases.RecordTriageAsync(a, id, severity!.Value, urn, category, context.CancellationToken));
        }
        catch (Domain.TriageNeedsSchoolException e)
        {
            // Only known once the case is read: urn is optional when the reporter gave one, required when not.
            throw RpcErrors.InvalidArgument("urn", e.Message);
        }
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> ReferCase(ReferCaseRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        var agency = ProtoMapping.ToDomain(request.Agency);
        errors.Require(agency is not null, "agency", "is required (Ofsted, police, LADO, DfE or other)");
        RequestValidation.Text(request.Note, "note", FieldLimits.NoteOrReason, required: request.Agency == ReferralAgency.Other, errors);
        errors.ThrowIfAny();
        return Detail(context, a => cases.ReferAsync(a, id, agency!.Value, request.Note, context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        var substantiation = ProtoMapping.ToDomain(request.Substantiation);
        errors.Require(substantiation is not null, "substantiation", "is required");
        RequestValidation.Text(request.OutcomeSummary, "outcome_summary", FieldLimits.NoteOrReason, required: false, errors);
        RequestValidation.Text(request.MessageToReporter, "message_to_reporter", FieldLimits.MessageBody, required: false, errors);
        errors.ThrowIfAny();
        return Detail(context, a => cases.CloseAsync(a, id, substantiation!.Value, request.OutcomeSummary, request.MessageToReporter, context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> AddInternalNote(AddInternalNoteRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        RequestValidation.Text(request.Body, "body", FieldLimits.NoteOrReason, required: true, errors);
        errors.ThrowIfAny();
        return Detail(context, a => cases.AddNoteAsync(a, id, request.Body, context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<CaseDetail> SendMessageToReporter(SendMessageToReporterRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        RequestValidation.Text(request.Body, "body", FieldLimits.MessageBody, required: true, errors);
        errors.ThrowIfAny();
        return Detail(context, a => cases.SendMessageAsync(a, id, request.Body, request.IsFeedback, context.CancellationToken));
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<IdentityRequest> RequestIdentity(RequestIdentityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.CaseId, "case_id", errors);
        RequestValidation.Text(request.Reason, "reason", FieldLimits.NoteOrReason, required: true, errors);
        errors.ThrowIfAny();
        return Run(async () => ProtoMapping.ToProto(await custody.RequestAsync(ActorOf(context), id, request.Reason, context.CancellationToken)));
    }

    [RequiresScope(WhistleblowingScopes.IdentityApprove)]
    public Task<ListIdentityRequestsResponse> ListIdentityRequests(ListIdentityRequestsRequest request, ServerCallContext context)
    {
        var state = request.State switch
        {
            IdentityRequestState.Unspecified or IdentityRequestState.Pending => Domain.IdentityRequestState.Pending,
            IdentityRequestState.Approved => Domain.IdentityRequestState.Approved,
            IdentityRequestState.Refused => Domain.IdentityRequestState.Refused,
            _ => (Domain.IdentityRequestState?)null,
        };
        var errors = new FieldErrors();
        errors.Require(state is not null, "state", "must be pending, approved or refused (unspecified for pending)");
        errors.ThrowIfAny();
        return Run(async () =>
        {
            var list = await custody.ListAsync(ActorOf(context), state!.Value, context.CancellationToken);
            return new ListIdentityRequestsResponse { Requests = { list.Select(ProtoMapping.ToProto) } };
        });
    }

    [RequiresScope(WhistleblowingScopes.IdentityApprove)]
    public Task<IdentityRequest> DecideIdentityRequest(DecideIdentityRequestRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = ParseId(request.RequestId, "request_id", errors);
        errors.ThrowIfAny();
        return Run(async () => ProtoMapping.ToProto(await custody.DecideAsync(ActorOf(context), id, request.Approve, context.CancellationToken)));
    }

    [RequiresScope(WhistleblowingScopes.CasesRead)]
    public Task<RevealedIdentity> RevealIdentity(RevealIdentityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var caseId = ParseId(request.CaseId, "case_id", errors);
        var requestId = ParseId(request.RequestId, "request_id", errors);
        errors.ThrowIfAny();
        return Run(async () => new RevealedIdentity
        {
            CaseId = caseId.ToString(),
            ContactDetails = await custody.RevealAsync(ActorOf(context), caseId, requestId, context.CancellationToken),
        });
    }

    [RequiresScope(WhistleblowingScopes.CasesWrite)]
    public Task<RunMaintenanceResponse> RunMaintenance(RunMaintenanceRequest request, ServerCallContext context) => Run(async () =>
    {
        var (reminders, purged) = await maintenance.RunNowAsync(ActorOf(context), context.CancellationToken);
        return new RunMaintenanceResponse { RemindersPublished = reminders, CasesPurged = purged };
    });

    private static Guid CaseId(string value)
    {
        var errors = new FieldErrors();
        var id = ParseId(value, "case_id", errors);
        errors.ThrowIfAny();
        return id;
    }

    private static Task<CaseDetail> Detail(ServerCallContext context, Func<Actor, Task<CaseDetailView>> action) =>
        Run(async () => ProtoMapping.ToProto(await action(ActorOf(context))));

    private static DueCase ToProto(DueClock due) => new()
    {
        Summary = ProtoMapping.ToSummary(due.Case),
        Clock = due.Clock == Domain.ClockKind.Acknowledgement ? ClockKind.Acknowledgement : ClockKind.Feedback,
        DueAt = ProtoMapping.ToProto(due.DueAt),
        Overdue = due.Overdue,
    };
}

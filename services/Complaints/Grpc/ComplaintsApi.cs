using EducationHub.Calendar;
using EducationHub.Complaints.Application;
using EducationHub.Complaints.Domain;
using EducationHub.Grpc;
using EducationHub.ServiceDefaults.Auth;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using NodaTime;
using Proto = EducationHub.Protos.Complaints.V1;

namespace EducationHub.Complaints.Grpc;

/// <summary>The Complaints gRPC API: validates requests, maps them to the application layer and maps results back.</summary>
public sealed class ComplaintsApi(ComplaintIntake intake, ComplaintCommands commands, ComplaintQueries queries, IClock clock) : IGrpcService
{
    public const string ReadScope = "complaints.read";
    public const string WriteScope = "complaints.write";

    public static ServiceDescriptor Descriptor => Proto.ComplaintsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ComplaintsService");

    private DateOnly Today => clock.TodayInLondon().ToDateOnly();

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> CreateComplaint(Proto.CreateComplaintRequest request, ServerCallContext context) =>
        Run(async () =>
        {
            var actor = Actor(context);
            var complaint = await intake.CreateAsync(request.ToNewComplaint(Today, actor), actor, context.CancellationToken);
            return complaint.ToMessage(Today);
        });

    [RequiresScope(ReadScope)]
    public Task<Proto.Complaint> GetComplaint(Proto.GetComplaintRequest request, ServerCallContext context) =>
        Run(async () => (await queries.GetAsync(ParseId(request.ComplaintId), Actor(context), context.CancellationToken)).ToMessage(Today));

    [RequiresScope(ReadScope)]
    public Task<Proto.ListComplaintsResponse> ListComplaints(Proto.ListComplaintsRequest request, ServerCallContext context) =>
        Run(async () =>
        {
            var errors = new FieldErrors();
            errors.Require(request.Urn == 0 || request.Urn is >= 100000 and <= 999999, "urn", "must be a 6-digit unique reference number, or 0 for all schools");
            errors.Require(request.PageSize is >= 0 and <= ComplaintQueries.MaxPageSize, "page_size", $"must be between 0 and {ComplaintQueries.MaxPageSize}");
            var offset = 0;
            errors.Require(request.PageToken.Length == 0 || (int.TryParse(request.PageToken, out offset) && offset >= 0), "page_token", "is not a token returned by this API");
            var status = request.Status == Proto.Status.Unspecified ? null : ComplaintEnumMapping.ToDomain<ComplaintStatus>((int)request.Status);
            errors.Require(request.Status == Proto.Status.Unspecified || status is not null, "status", "is not a known status");
            errors.ThrowIfAny();

            var pageSize = request.PageSize == 0 ? ComplaintQueries.DefaultPageSize : request.PageSize;
            var (page, next) = await queries.ListAsync(request.Urn == 0 ? null : request.Urn, status, request.OverdueOnly, Today, offset, pageSize, Actor(context), context.CancellationToken);
            var response = new Proto.ListComplaintsResponse { NextPageToken = next?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };
            response.Complaints.AddRange(page.Select(c => c.ToMessage(Today)));
            return response;
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> AcknowledgeComplaint(Proto.AcknowledgeComplaintRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, "acknowledged_on", context, (id, actor, errors) =>
        {
            var on = DateOrToday(request.AcknowledgedOn, "acknowledged_on", errors);
            return () => commands.AcknowledgeAsync(id, on, actor, context.CancellationToken);
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> ExtendTimescale(Proto.ExtendTimescaleRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, dateField: null, context, (id, actor, errors) =>
        {
            errors.RequireNotEmpty(request.Reason, "reason");
            errors.Require(request.Reason.Length <= ComplaintLimits.ReasonMaxLength, "reason", $"must be at most {ComplaintLimits.ReasonMaxLength} characters");
            errors.Require(request.ExtraSchoolDays >= 1, "extra_school_days", "must be at least 1");
            return () => commands.ExtendAsync(id, request.Reason, request.ExtraSchoolDays, actor, context.CancellationToken);
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> RecordOutcome(Proto.RecordOutcomeRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, "responded_on", context, (id, actor, errors) =>
        {
            var outcome = ComplaintEnumMapping.ToDomain<StageOutcome>((int)request.Outcome);
            errors.Require(outcome is not null, "outcome", "must be upheld, partly upheld, not upheld, withdrawn or resolved informally");
            errors.Require(request.Remedies.Count <= ComplaintLimits.MaxRemedies, "remedies", $"at most {ComplaintLimits.MaxRemedies} remedies");
            for (var i = 0; i < request.Remedies.Count; i++)
            {
                errors.RequireNotEmpty(request.Remedies[i], $"remedies[{i}]");
                errors.Require(request.Remedies[i].Length <= ComplaintLimits.RemedyMaxLength, $"remedies[{i}]", $"must be at most {ComplaintLimits.RemedyMaxLength} characters");
            }
            var on = DateOrToday(request.RespondedOn, "responded_on", errors);
            return () => commands.RecordOutcomeAsync(id, outcome!.Value, [.. request.Remedies.Select(r => r.Trim())], on, actor, context.CancellationToken);
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> EscalateComplaint(Proto.EscalateComplaintRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, "escalated_on", context, (id, actor, errors) =>
        {
            var body = request.Body == Proto.EscalationBody.Unspecified ? null : ComplaintEnumMapping.ToDomain<EscalationBody>((int)request.Body);
            errors.Require(request.Body == Proto.EscalationBody.Unspecified || body is not null, "body", "is not a known escalation body");
            var on = DateOrToday(request.EscalatedOn, "escalated_on", errors);
            return () => commands.EscalateAsync(id, on, body, actor, context.CancellationToken);
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> CloseComplaint(Proto.CloseComplaintRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, "closed_on", context, (id, actor, errors) =>
        {
            var on = DateOrToday(request.ClosedOn, "closed_on", errors);
            return () => commands.CloseAsync(id, on, actor, context.CancellationToken);
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> WithdrawComplaint(Proto.WithdrawComplaintRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, "withdrawn_on", context, (id, actor, errors) =>
        {
            var on = DateOrToday(request.WithdrawnOn, "withdrawn_on", errors);
            return () => commands.WithdrawAsync(id, on, actor, context.CancellationToken);
        });

    [RequiresScope(WriteScope)]
    public Task<Proto.Complaint> MarkRemedyCarriedOut(Proto.MarkRemedyCarriedOutRequest request, ServerCallContext context) =>
        Change(request.ComplaintId, "carried_out_on", context, (id, actor, errors) =>
        {
            errors.Require(request.RemedyId > 0, "remedy_id", "is required");
            var on = DateOrToday(request.CarriedOutOn, "carried_out_on", errors);
            return () => commands.MarkRemedyCarriedOutAsync(id, request.RemedyId, on, actor, context.CancellationToken);
        });

    [RequiresScope(ReadScope)]
    public Task<Proto.ThemeSummary> GetThemeSummary(Proto.GetThemeSummaryRequest request, ServerCallContext context) =>
        Run(async () =>
        {
            var errors = new FieldErrors();
            errors.Require(request.Urn is >= 100000 and <= 999999, "urn", "must be a 6-digit unique reference number");
            var endingOn = DateOrToday(request.EndingOn, "ending_on", errors);
            errors.Require(request.WindowDays.All(w => w is >= 1 and <= 3660), "window_days", "each window must be 1 to 3660 days");
            errors.ThrowIfAny();
            var windows = request.WindowDays.Count == 0 ? ComplaintQueries.DefaultThemeWindows : request.WindowDays.Distinct().Order().ToList();
            var themes = await queries.ThemesAsync(request.Urn, endingOn, windows, context.CancellationToken);
            return ComplaintMessages.ToMessage(request.Urn, endingOn, themes);
        });

    [RequiresScope(ReadScope)]
    public Task<Proto.ListCampaignsResponse> ListCampaigns(Proto.ListCampaignsRequest request, ServerCallContext context) =>
        Run(async () =>
        {
            new FieldErrors().Require(request.Urn is >= 100000 and <= 999999, "urn", "must be a 6-digit unique reference number").ThrowIfAny();
            var response = new Proto.ListCampaignsResponse();
            foreach (var (campaign, members) in await queries.CampaignsAsync(request.Urn, context.CancellationToken))
                response.Campaigns.Add(ComplaintMessages.ToMessage(campaign, members));
            return response;
        });

    private static Actor Actor(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return new Actor(caller.Organisation, caller.Subject);
    }

    private DateOnly DateOrToday(string value, string field, FieldErrors errors)
    {
        var date = ProtoDates.Optional(value, field, errors) ?? Today;
        errors.Require(date <= Today, field, "cannot be in the future");
        errors.Require(date >= ProtoDates.Earliest, field, $"must be {ProtoDates.Format(ProtoDates.Earliest)} or later");
        return date;
    }

    private static Guid ParseId(string value)
    {
        var errors = new FieldErrors();
        var id = ParseId(value, errors);
        errors.ThrowIfAny();
        return id;
    }

    private static Guid ParseId(string value, FieldErrors errors)
    {
        var id = Guid.TryParse(value, out var parsed) ? parsed : Guid.Empty;
        errors.Require(id != Guid.Empty, "complaint_id", "must be a complaint id (a UUID)");
        return id;
    }

    /// <summary>
    /// Validates the id and the step's own fields together, then runs the step. A step dated before
    /// a date the complaint already holds (see <see cref="StepDateException"/>) is INVALID_ARGUMENT on
    /// <paramref name="dateField"/>.
    /// </summary>
    private Task<Proto.Complaint> Change(string complaintId, string? dateField, ServerCallContext context, Func<Guid, Actor, FieldErrors, Func<Task<Complaint>>> prepare) =>
        Run(async () =>
        {
            var errors = new FieldErrors();
            var id = ParseId(complaintId, errors);
            var step = prepare(id, Actor(context), errors);
            errors.ThrowIfAny();
            try
            {
                return (await step()).ToMessage(Today);
            }
            catch (StepDateException ex) when (dateField is not null)
            {
                throw RpcErrors.InvalidArgument(dateField, ex.Message);
            }
        });

    /// <summary>Maps domain refusals to gRPC statuses: rule violations are FAILED_PRECONDITION with the allowed steps.</summary>
    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ComplaintRuleViolationException ex)
        {
            throw RpcErrors.FailedPrecondition(ex.Message, ex.AllowedActions, subject: "complaint");
        }
        catch (ComplaintNotFoundException ex)
        {
            throw RpcErrors.NotFound("complaint", ex.ComplaintId.ToString());
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw RpcErrors.InvalidArgument(ex.ParamName == "extraSchoolDays" ? "extra_school_days" : ex.ParamName ?? "request", ex.Message.Split(" (Parameter")[0]);
        }
        catch (KeyNotFoundException ex)
        {
            throw RpcErrors.InvalidArgument("remedy_id", ex.Message);
        }
        catch (CalendarOutOfRangeException ex)
        {
            // Without term dates for the period a school-day deadline cannot be computed honestly.
            throw RpcErrors.FailedPrecondition(ex.Message, subject: "calendar", type: "TERM_DATES");
        }
    }
}

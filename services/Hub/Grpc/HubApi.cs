using EducationHub.Grpc;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain.Priority;
using EducationHub.ServiceDefaults.Auth;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Grpc;

/// <summary>The hub's gRPC API (educationhub.hub.v1.HubService).</summary>
public sealed class HubApi(RiskListService lists, DecisionService decisions, SchoolProfileService profiles, ReadAudit audit, PriorityModel model) : IGrpcService
{
    public static ServiceDescriptor Descriptor => Pb.HubReflection.Descriptor.FindTypeByName<ServiceDescriptor>("HubService");

    private IReadOnlyList<string> Bands => model.Bands.Select(b => b.Name).ToList();

    [RequiresScope("hub.risklist.read")]
    public async Task<Pb.RiskList> GetRiskList(Pb.GetRiskListRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        var query = HubRequestValidation.Filter(errors, request.Filter, Bands);
        errors.ThrowIfAny();
        var list = await Guard(() => lists.GetAsync(month, context.CancellationToken));
        await audit.RiskListAsync(month, context.GetCaller(), context.CancellationToken);
        var result = new Pb.RiskList { Summary = ProtoMapper.Summary(list, Bands) };
        result.Entries.AddRange(query.Apply(list.Entries).Select(ProtoMapper.Entry));
        result.Left.AddRange(list.Left.Select(ProtoMapper.Left));
        return result;
    }

    [RequiresScope("hub.risklist.read")]
    public async Task<Pb.ListRiskListResponse> ListRiskList(Pb.ListRiskListRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        var query = HubRequestValidation.Filter(errors, request.Filter, Bands);
        var (size, offset) = HubRequestValidation.Page(errors, request.PageSize, request.PageToken, request.Month);
        errors.ThrowIfAny();
        var list = await Guard(() => lists.GetAsync(month, context.CancellationToken));
        // Once per read of the list, not per page: the later pages are the same read continuing.
        if (request.PageToken.Length == 0) await audit.RiskListAsync(month, context.GetCaller(), context.CancellationToken);
        var matching = query.Apply(list.Entries);
        var response = new Pb.ListRiskListResponse { Summary = ProtoMapper.Summary(list, Bands), TotalCount = matching.Count };
        response.Entries.AddRange(matching.Skip(offset).Take(size).Select(ProtoMapper.Entry));
        if (offset + size < matching.Count) response.NextPageToken = PageToken.Write(request.Month, offset + size);
        return response;
    }

    [RequiresScope("hub.risklist.read")]
    public async Task StreamRiskList(Pb.StreamRiskListRequest request, IServerStreamWriter<Pb.RiskListEntry> responses, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        var query = HubRequestValidation.Filter(errors, request.Filter, Bands);
        errors.ThrowIfAny();
        var list = await Guard(() => lists.GetAsync(month, context.CancellationToken));
        await audit.RiskListAsync(month, context.GetCaller(), context.CancellationToken);
        foreach (var entry in query.Apply(list.Entries))
            await responses.WriteAsync(ProtoMapper.Entry(entry), context.CancellationToken);
    }

    [RequiresScope("hub.risklist.read")]
    public async Task<Pb.RiskListSummary> PreviewMonth(Pb.PreviewMonthRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        errors.ThrowIfAny();
        var list = await Guard(() => lists.DraftAsync(month, context.CancellationToken));
        await audit.RiskListAsync(month, context.GetCaller(), context.CancellationToken);
        return ProtoMapper.Summary(list, Bands);
    }

    [RequiresScope("hub.publish")]
    public async Task<Pb.RiskListSummary> PublishMonth(Pb.PublishMonthRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        errors.ThrowIfAny();
        var caller = context.GetCaller();
        var list = await Guard(() => lists.PublishAsync(month, caller.Organisation, caller.Subject, context.CancellationToken));
        return ProtoMapper.Summary(list, Bands);
    }

    [RequiresScope("hub.risklist.read")]
    public async Task<Pb.SchoolProfile> GetSchoolProfile(Pb.GetSchoolProfileRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var urn = HubRequestValidation.Urn(errors, request.Urn);
        if (request.TimelineLimit is < 0 or > 1000) errors.Add("timeline_limit", "must be between 0 and 1000 (0 means 200)");
        errors.ThrowIfAny();
        var p = await Guard(() => profiles.GetAsync(urn, request.TimelineLimit == 0 ? 200 : request.TimelineLimit, context.CancellationToken));
        await audit.SchoolProfileAsync(urn, context.GetCaller(), context.CancellationToken);
        var s = p.School;
        var result = new Pb.SchoolProfile
        {
            Urn = s.Urn, SchoolName = s.Name, LaCode = s.LaCode, LaName = s.LaName, Phase = s.Phase, EstablishmentType = s.EstablishmentType,
            TrustName = s.TrustName ?? "", Status = s.Status, Priority = p.Current.Priority, Band = p.Current.Band,
            HardScore = p.Current.HardScore, SoftPoints = p.Current.SoftPoints,
        };
        result.PredecessorUrns.AddRange(s.PredecessorUrns);
        result.Reasons.AddRange(p.Current.Reasons.Select(ProtoMapper.Reason));
        result.CurrentSupport.AddRange(p.Current.CurrentSupport);
        result.Timeline.AddRange(p.Timeline.Select(t => new Pb.TimelineItem
        {
            EventId = t.Entry.EventId.ToString("D"), OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(t.Entry.OccurredAt),
            Kind = t.Entry.Kind.ToString(), Summary = t.Summary, SourceRef = t.SourceRef, Producer = t.Entry.Producer, PointsNow = t.PointsNow,
        }));
        result.History.AddRange(p.History.Select(h => new Pb.MonthPoint { Month = h.Month, Priority = h.Priority, Band = h.Band, Listed = h.Listed, Published = h.Published }));
        result.Decisions.AddRange(p.Decisions.Select(ProtoMapper.Decision));
        result.ReplacedDecisions.AddRange(p.ReplacedDecisions.Select(ProtoMapper.ReplacedDecision));
        result.DecisionProgress.AddRange(p.Decisions.Select(d => ProtoMapper.AgreedAction(p.DecisionProgress[d.Id])));
        return result;
    }

    /// <summary>How far ahead an agreed action may fall due.</summary>
    public const int MaxYearsToDue = 5;

    [RequiresScope("hub.decisions.write")]
    public async Task<Pb.Decision> RecordDecision(Pb.RecordDecisionRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        var urn = HubRequestValidation.Urn(errors, request.Urn);
        if (request.Decision == Pb.DecisionKind.Unspecified || !Enum.IsDefined(request.Decision))
            errors.Add("decision", "is required: monitor, support package, warning notice, refer to Ofsted, refer to the RSC or remove");
        HubRequestValidation.Text(errors, request.OwnerOrganisation, "owner_organisation", 200, required: true);
        var due = HubRequestValidation.Date(errors, request.DueOn, "due_on");
        if (errors.IsEmpty && due < month.FirstDay) errors.Add("due_on", $"must not be before the month of the decision ({month})");
        // An action due decades away would never fall overdue, so it would drop out of the group's follow-up.
        if (errors.IsEmpty && due > month.FirstDay.AddYears(MaxYearsToDue))
            errors.Add("due_on", $"must be within {MaxYearsToDue} years of the month of the decision ({month})");
        HubRequestValidation.Text(errors, request.Action, "action", 2000, required: false);
        errors.ThrowIfAny();
        var caller = context.GetCaller();
        var input = new DecisionService.DecisionInput(month, urn, ProtoMapper.FromProto(request.Decision), request.OwnerOrganisation, due, request.Action);
        var decision = await Guard(() => decisions.RecordAsync(input, caller.Organisation, caller.Subject, context.CancellationToken));
        return ProtoMapper.Decision(decision);
    }

    [RequiresScope("hub.decisions.write")]
    public async Task<Pb.Decision> RecordActionOutcome(Pb.RecordActionOutcomeRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var month = HubRequestValidation.Month(errors, request.Month);
        var urn = HubRequestValidation.Urn(errors, request.Urn);
        HubRequestValidation.Text(errors, request.Note, "note", 2000, required: false);
        errors.ThrowIfAny();
        var caller = context.GetCaller();
        var decision = await Guard(() => decisions.RecordOutcomeAsync(month, urn, request.Done, request.Note, caller.Organisation, caller.Subject, context.CancellationToken));
        return ProtoMapper.Decision(decision);
    }

    /// <summary>Turns the application's refusals into gRPC statuses with their rich details.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (HubNotFoundException ex)
        {
            throw RpcErrors.NotFound(ex.Resource.Split('/')[0], ex.Resource, ex.Message);
        }
        catch (HubConflictException ex)
        {
            throw RpcErrors.FailedPrecondition(ex.Message, ex.Allowed);
        }
    }
}

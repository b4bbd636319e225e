using EducationHub.Governance.Application;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Grpc;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc;

public sealed partial class GovernanceApi
{
    [RequiresScope(WriteScope)]
    public async Task<Pb.Intervention> ProposeIntervention(Pb.ProposeInterventionRequest request, ServerCallContext context)
    {
        var command = new ProposeInterventionCommand(
            request.Urn,
            (InterventionKind)request.Kind,
            request.Rationale,
            request.ResponsibleOfficer,
            request.ResponsibleOrganisation,
            Fields.ParseId(request.NoticeId),
            Fields.ParseDate(request.NextReviewOn));
        return Mapping.ToProto(await interventions.ProposeAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.Intervention> TransitionIntervention(Pb.TransitionInterventionRequest request, ServerCallContext context)
    {
        var command = new TransitionInterventionCommand(
            IdOf(request.InterventionId),
            (InterventionTrigger)request.Trigger,
            Fields.ParseDate(request.OnDate),
            request.Note,
            request.Outcome);
        return Mapping.ToProto(await interventions.TransitionAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.Intervention> RecordInterventionReview(Pb.RecordInterventionReviewRequest request, ServerCallContext context) =>
        Mapping.ToProto(await interventions.RecordReviewAsync(
            IdOf(request.InterventionId),
            Fields.ParseDate(request.ReviewedOn)!.Value,
            request.Note,
            Fields.ParseDate(request.NextReviewOn),
            CallerOf(context),
            context.CancellationToken));

    [RequiresScope(ReadScope)]
    public async Task<Pb.Intervention> GetIntervention(Pb.GetInterventionRequest request, ServerCallContext context) =>
        Mapping.ToProto(await interventions.GetAsync(IdOf(request.InterventionId), context.CancellationToken));

    [RequiresScope(ReadScope)]
    public async Task<Pb.ListInterventionsResponse> ListInterventions(Pb.ListInterventionsRequest request, ServerCallContext context)
    {
        var list = await interventions.ListAsync(
            request.Urn == 0 ? null : request.Urn,
            [.. request.Statuses.Select(s => (InterventionStatus)s)],
            context.CancellationToken);
        var response = new Pb.ListInterventionsResponse();
        response.Interventions.AddRange(list.Select(Mapping.ToProto));
        return response;
    }

    [RequiresScope(ReadScope)]
    public Task<Pb.Lifecycle> GetInterventionLifecycle(Pb.GetInterventionLifecycleRequest request, ServerCallContext context) =>
        Task.FromResult(Mapping.InterventionLifecycleProto());
}

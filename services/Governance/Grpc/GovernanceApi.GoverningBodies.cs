using EducationHub.Governance.Application;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Grpc;
using Google.Protobuf.Collections;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc;

public sealed partial class GovernanceApi
{
    [RequiresScope(WriteScope)]
    public async Task<Pb.GoverningBody> CreateGoverningBody(Pb.CreateGoverningBodyRequest r, ServerCallContext context)
    {
        var command = new GoverningBodyCommand(r.Urn, r.Name, (GoverningBodyKind)r.Kind, r.Clerk?.Name ?? "", r.Clerk?.Email ?? "",
            Constitution(r.Constitution), [.. r.SkillsGaps], [.. r.TrainingGaps]);
        return Mapping.ToProto(await bodies.CreateAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.GoverningBody> UpdateGoverningBody(Pb.UpdateGoverningBodyRequest r, ServerCallContext context)
    {
        var command = new GoverningBodyCommand(r.Urn, r.Name, GoverningBodyKind.Unspecified, r.Clerk?.Name ?? "", r.Clerk?.Email ?? "",
            Constitution(r.Constitution), [.. r.SkillsGaps], [.. r.TrainingGaps]);
        return Mapping.ToProto(await bodies.UpdateAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(ReadScope)]
    public async Task<Pb.GoverningBody> GetGoverningBody(Pb.GetGoverningBodyRequest r, ServerCallContext context) =>
        Mapping.ToProto(await bodies.ReadAsync(r.Urn, r.IncludeFormer, CallerOf(context), context.CancellationToken));

    [RequiresScope(ReadScope)]
    public async Task<Pb.ListGoverningBodiesResponse> ListGoverningBodies(Pb.ListGoverningBodiesRequest r, ServerCallContext context)
    {
        var (page, next) = await bodies.ListAsync(Fields.PageSize(r.PageSize), Fields.Offset(r.PageToken), r.WithVacanciesOnly, context.CancellationToken);
        var response = new Pb.ListGoverningBodiesResponse { NextPageToken = next?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        response.GoverningBodies.AddRange(page.Select(Mapping.ToProto));
        return response;
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.Governor> AppointGovernor(Pb.AppointGovernorRequest r, ServerCallContext context)
    {
        var command = new AppointGovernorCommand(r.Urn, r.FullName, (GovernorCategory)r.Category, (GoverningRole)r.Role, r.AppointedBy,
            Fields.ParseDate(r.AppointedOn)!.Value, Fields.ParseDate(r.TermEndsOn)!.Value);
        return Mapping.ToProto(await bodies.AppointAsync(command, CallerOf(context), context.CancellationToken), Today);
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.Governor> RemoveGovernor(Pb.RemoveGovernorRequest r, ServerCallContext context) =>
        Mapping.ToProto(await bodies.RemoveAsync(IdOf(r.GovernorId), Fields.ParseDate(r.LeftOn), r.Reason, CallerOf(context), context.CancellationToken), Today);

    [RequiresScope(WriteScope)]
    public async Task<Pb.GovernanceReview> RecordGovernanceReview(Pb.RecordGovernanceReviewRequest r, ServerCallContext context)
    {
        var command = new RecordReviewCommand(r.Urn, (ReviewKind)r.Kind, Fields.ParseDate(r.ReviewedOn)!.Value, r.Reviewer,
            (ReviewOutcome)r.Outcome, r.Summary, [.. r.Recommendations]);
        return Mapping.ToProto(await records.RecordReviewAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(ReadScope)]
    public async Task<Pb.ListGovernanceReviewsResponse> ListGovernanceReviews(Pb.ListGovernanceReviewsRequest r, ServerCallContext context)
    {
        var response = new Pb.ListGovernanceReviewsResponse();
        response.Reviews.AddRange((await records.ListReviewsAsync(r.Urn, context.CancellationToken)).Select(Mapping.ToProto));
        return response;
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.GovernanceConcern> RaiseGovernanceConcern(Pb.RaiseGovernanceConcernRequest r, ServerCallContext context)
    {
        var command = new RaiseConcernCommand(r.Urn, (ConcernSeverity)r.Severity, (ConcernSource)r.Source, r.Summary, Fields.ParseDate(r.RaisedOn));
        return Mapping.ToProto(await records.RaiseConcernAsync(command, CallerOf(context), context.CancellationToken));
    }

    [RequiresScope(WriteScope)]
    public async Task<Pb.GovernanceConcern> CloseGovernanceConcern(Pb.CloseGovernanceConcernRequest r, ServerCallContext context) =>
        Mapping.ToProto(await records.CloseConcernAsync(IdOf(r.ConcernId), r.Resolution, Fields.ParseDate(r.ClosedOn), CallerOf(context), context.CancellationToken));

    [RequiresScope(ReadScope)]
    public async Task<Pb.ListGovernanceConcernsResponse> ListGovernanceConcerns(Pb.ListGovernanceConcernsRequest r, ServerCallContext context)
    {
        var response = new Pb.ListGovernanceConcernsResponse();
        response.Concerns.AddRange((await records.ListConcernsAsync(r.Urn == 0 ? null : r.Urn, r.IncludeClosed, CallerOf(context), context.CancellationToken)).Select(Mapping.ToProto));
        return response;
    }

    private static List<ConstitutionPlaces> Constitution(RepeatedField<Pb.ConstitutionPlaces> places) =>
        [.. places.Select(p => new ConstitutionPlaces((GovernorCategory)p.Category, p.Places))];
}

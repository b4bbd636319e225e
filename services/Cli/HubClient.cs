using EducationHub.Grpc.Client;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli;

/// <summary>Typed calls to educationhub.hub.v1.HubService.</summary>
public sealed class HubClient(GrpcClient client, string? token)
{
    private const string Service = "/educationhub.hub.v1.HubService/";

    private CallOptions Options => new() { BearerToken = token, Timeout = TimeSpan.FromSeconds(60) };

    public Task<Pb.RiskList> GetRiskListAsync(Pb.GetRiskListRequest r) => client.UnaryAsync<Pb.GetRiskListRequest, Pb.RiskList>(Service + "GetRiskList", r, Options);

    public Task<Pb.ListRiskListResponse> ListRiskListAsync(Pb.ListRiskListRequest r) => client.UnaryAsync<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(Service + "ListRiskList", r, Options);

    public Task<Pb.SchoolProfile> GetSchoolProfileAsync(Pb.GetSchoolProfileRequest r) => client.UnaryAsync<Pb.GetSchoolProfileRequest, Pb.SchoolProfile>(Service + "GetSchoolProfile", r, Options);

    public Task<Pb.Decision> RecordDecisionAsync(Pb.RecordDecisionRequest r) => client.UnaryAsync<Pb.RecordDecisionRequest, Pb.Decision>(Service + "RecordDecision", r, Options);

    public Task<Pb.Decision> RecordActionOutcomeAsync(Pb.RecordActionOutcomeRequest r) =>
        client.UnaryAsync<Pb.RecordActionOutcomeRequest, Pb.Decision>(Service + "RecordActionOutcome", r, Options);

    public Task<Pb.RiskListSummary> PublishMonthAsync(Pb.PublishMonthRequest r) => client.UnaryAsync<Pb.PublishMonthRequest, Pb.RiskListSummary>(Service + "PublishMonth", r, Options);
}

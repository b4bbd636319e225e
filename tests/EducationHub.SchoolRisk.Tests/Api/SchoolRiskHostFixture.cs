using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Tests.Support;
using EducationHub.Testing.Hosting;
using Microsoft.AspNetCore.Builder;

namespace EducationHub.SchoolRisk.Tests.Api;

/// <summary>
/// One real SchoolRisk host (SQLite, in-memory bus) for the API tests, loaded through the API
/// itself with Birmingham's (LA 330) schools and their open-data indicators.
/// </summary>
public sealed class SchoolRiskHostFixture : IAsyncLifetime
{
    public const string Service = "/educationhub.schoolrisk.v1.SchoolRiskService/";
    public const string Birmingham = "330";
    public const string Partner = "birmingham-sip";
    public const string PartnerDisplayName = "Birmingham school improvement partner";

    public TestServiceHost Host { get; private set; } = null!;
    public GrpcClient Client { get; private set; } = null!;
    public string AdminToken { get; private set; } = "";
    public string ReaderToken { get; private set; } = "";
    public string PartnerToken { get; private set; } = "";
    public ImportResult RegisterImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["SchoolRisk:ImportRoot"] = SharedData.OpenData,
            [$"Organisations:{Partner}"] = PartnerDisplayName,
        });
        Client = new GrpcClient(GrpcChannel.ForAddress(Host.GrpcAddress));
        AdminToken = Host.IssueToken("birmingham-city-council", "risk.admin", "risk.read");
        ReaderToken = Host.IssueToken("ofsted", "risk.read");
        PartnerToken = Host.IssueToken(Partner, "risk.signals.write", "risk.read");

        RegisterImport = await Import("ImportRegister", "school_details_2018.csv");
        await Import("ImportRegister", "links_edubasealldata.csv");
        foreach (var file in new[] { "ofsted_inspections_to_2017-12-31.csv", "ks2_perf_2016.csv", "ks4_perf_2016.csv", "ks4_perf_2017.csv", "financials_2015.csv", "financials_2016.csv" })
        {
            await Import("ImportIndicators", file);
        }
    }

    public static Task<TestServiceHost> StartHostAsync(IDictionary<string, string?> settings) =>
        TestServiceHost.StartAsync(b => b.AddSchoolRisk(), a => a.MapSchoolRisk(), settings, serviceName: "schoolrisk");

    public Task<ImportResult> Import(string method, string file)
    {
        var request = new ImportRequest { ServerPath = file };
        request.LaCodes.Add(Birmingham);
        return Call<ImportRequest, ImportResult>(method, request, AdminToken);
    }

    public Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, string token)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Client.UnaryAsync<TRequest, TResponse>(Service + method, request, new CallOptions { BearerToken = token, Timeout = TimeSpan.FromSeconds(60) });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SchoolRiskHostCollection : ICollectionFixture<SchoolRiskHostFixture>
{
    public const string Name = "SchoolRisk host";
}

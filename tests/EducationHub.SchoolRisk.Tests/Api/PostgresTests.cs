using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Tests.Support;
using EducationHub.Testing.Infrastructure;

namespace EducationHub.SchoolRisk.Tests.Api;

/// <summary>The same migration and writes on PostgreSQL (EHUB_TEST_POSTGRES, started by ./test.sh).</summary>
public sealed class PostgresTests
{
    [Fact]
    public async Task Register_import_signals_and_assessment_work_on_postgresql()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync("ehub_schoolrisk");
        await using var host = await SchoolRiskHostFixture.StartHostAsync(new Dictionary<string, string?>
        {
            ["SchoolRisk:ImportRoot"] = SharedData.OpenData,
            ["ConnectionStrings:schoolrisk"] = pg.ConnectionString,
        });
        var client = new GrpcClient(GrpcChannel.ForAddress(host.GrpcAddress));
        var admin = new CallOptions { BearerToken = host.IssueToken("birmingham-city-council", "risk.admin", "risk.read", "risk.signals.write") };
        const string service = SchoolRiskHostFixture.Service;

        foreach (var (method, file) in new[] { ("ImportRegister", "school_details_2018.csv"), ("ImportIndicators", "ofsted_inspections_to_2017-12-31.csv"), ("ImportIndicators", "financials_2016.csv") })
        {
            var request = new ImportRequest { ServerPath = file };
            request.LaCodes.Add("330");
            var result = await client.UnaryAsync<ImportRequest, ImportResult>(service + method, request, admin);
            Assert.True(result.Inserted > 0, $"{file}: {result}");
        }
        var school = (await client.UnaryAsync<ListSchoolsRequest, ListSchoolsResponse>(service + "ListSchools",
            new ListSchoolsRequest { LaCode = "330", PageSize = 1 }, admin)).Schools[0];
        var signal = await client.UnaryAsync<SubmitSignalRequest, Signal>(service + "SubmitSignal", new SubmitSignalRequest
        {
            Urn = school.Urn, Kind = SignalKind.HeadteacherChange, ConcernLevel = ConcernLevel.Medium, ObservedOn = "2016-09-01", Summary = "Interim head appointed",
        }, admin);
        var assessment = await client.UnaryAsync<GetAssessmentRequest, Assessment>(service + "GetAssessment",
            new GetAssessmentRequest { Urn = school.Urn }, admin);
        Assert.Equal("birmingham-city-council", signal.Organisation);
        Assert.Equal("2026.1", assessment.ModelVersion);
        var all = await client.UnaryAsync<AssessAllRequest, AssessAllResponse>(service + "AssessAll", new AssessAllRequest { LaCode = "330", AsOf = "2017-12-31" }, admin);
        Assert.True(all.Published > 400);
    }
}

using System.Text.Json;
using EducationHub.Grpc;
using EducationHub.Testing.Grpc;

namespace EducationHub.SchoolRisk.Tests.Api;

/// <summary>The API as a partner in another language sees it: Python grpcio, via server reflection.</summary>
[Collection(SchoolRiskHostCollection.Name)]
public sealed class PythonClientTests(SchoolRiskHostFixture fixture)
{
    private const string Service = "educationhub.schoolrisk.v1.SchoolRiskService/";

    [Fact]
    public async Task Python_client_lists_schools_and_gets_an_explained_assessment()
    {
        var list = await PythonGrpcClient.CallAsync(fixture.Host.GrpcAddress.ToString(), Service + "ListSchools",
            """{"laCode": "330", "pageSize": 3}""", fixture.ReaderToken);
        Assert.True(list.Ok, list.ToString());
        var urn = list["schools"][0].GetProperty("urn").GetInt32();

        var explained = await PythonGrpcClient.CallAsync(fixture.Host.GrpcAddress.ToString(), Service + "ExplainAssessment",
            JsonSerializer.Serialize(new { urn, asOf = "2016-12-31" }), fixture.ReaderToken);
        Assert.True(explained.Ok, explained.ToString());
        Assert.Equal("2026.1", explained["assessment"].GetProperty("modelVersion").GetString());
        Assert.Contains("out of 100", explained["summary"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Python_client_receives_field_violations()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Host.GrpcAddress.ToString(), Service + "SubmitSignal",
            """{"urn": 1, "kind": "SIGNAL_KIND_RSC_NOTE", "concernLevel": "CONCERN_LEVEL_LOW", "observedOn": "yesterday", "summary": "note"}""",
            fixture.PartnerToken);
        Assert.Equal(StatusCode.InvalidArgument, result.StatusCode);
        Assert.Contains(result.FieldViolations, v => v.Field == "urn");
        Assert.Contains(result.FieldViolations, v => v.Field == "observed_on");
        Assert.DoesNotContain(result.FieldViolations, v => v.Field == "kind");
    }
}

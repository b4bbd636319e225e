using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Protos.SchoolRisk.V1;

namespace EducationHub.SchoolRisk.Tests.Api;

[Collection(SchoolRiskHostCollection.Name)]
public sealed class AssessmentApiTests(SchoolRiskHostFixture fixture)
{
    [Fact]
    public async Task Streamed_assessments_for_an_la_come_highest_first_with_reasons_and_version()
    {
        var received = new List<Assessment>();
        await foreach (var a in fixture.Client.ServerStreaming<StreamAssessmentsRequest, Assessment>(SchoolRiskHostFixture.Service + "StreamAssessments",
            new StreamAssessmentsRequest { LaCode = "330", AsOf = "2016-12-31" }, new CallOptions { BearerToken = fixture.ReaderToken }))
        {
            received.Add(a);
        }

        Assert.True(received.Count > 400);
        Assert.All(received, a => Assert.Equal(("330", "2016-12-31", "2026.1"), (a.LaCode, a.AsOf, a.ModelVersion)));
        Assert.Equal(received.Select(a => a.Score).OrderByDescending(s => s), received.Select(a => a.Score));
        Assert.All(received.Take(20), a => Assert.NotEmpty(a.Reasons));
        Assert.Contains(received, a => a.Band == "Very high" || a.Band == "High");
    }

    [Fact]
    public async Task An_assessment_as_of_a_past_date_ignores_what_was_published_later()
    {
        // Pick a school whose 2017 Progress 8 exists: the 2016-12-31 explanation must not mention 2017 results.
        var stream = fixture.Client.ServerStreaming<StreamAssessmentsRequest, Assessment>(SchoolRiskHostFixture.Service + "StreamAssessments",
            new StreamAssessmentsRequest { LaCode = "330", AsOf = "2017-12-31" }, new CallOptions { BearerToken = fixture.ReaderToken });
        var with2017 = await stream.FirstAsync(a => a.Reasons.Any(r => r.Code.StartsWith("KS4", StringComparison.Ordinal) && r.Description.Contains("2017", StringComparison.Ordinal)));

        var explanation = await fixture.Call<GetAssessmentRequest, Explanation>("ExplainAssessment",
            new GetAssessmentRequest { Urn = with2017.Urn, AsOf = "2016-12-31" }, fixture.ReaderToken);

        Assert.DoesNotContain(explanation.IndicatorsConsidered, i => i.Year >= 2017);
        Assert.DoesNotContain(explanation.InspectionsConsidered, i => string.CompareOrdinal(i.InspectedOn, "2016-12-31") > 0);
        Assert.DoesNotContain(explanation.Assessment.Reasons, r => r.Description.Contains("2017", StringComparison.Ordinal));
        Assert.Contains($"URN {with2017.Urn}", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains(with2017.Urn, explanation.Lineage);
    }

    [Fact]
    public async Task GetAssessment_validates_the_date()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<GetAssessmentRequest, Assessment>("GetAssessment",
            new GetAssessmentRequest { Urn = 12, AsOf = "31/12/2016" }, fixture.ReaderToken));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetBadRequest()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["urn", "as_of"], fields);

        var future = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<GetAssessmentRequest, Assessment>("GetAssessment",
            new GetAssessmentRequest { Urn = 103500, AsOf = "2999-01-01" }, fixture.ReaderToken));
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
    }

    [Fact]
    public async Task Reading_needs_a_token()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync<GetSchoolRequest, SchoolDetail>(
            SchoolRiskHostFixture.Service + "GetSchool", new GetSchoolRequest { Urn = 103500 }));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }
}

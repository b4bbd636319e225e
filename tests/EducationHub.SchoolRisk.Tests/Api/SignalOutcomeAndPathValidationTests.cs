using EducationHub.Grpc;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Application.Signals;
using DomainKind = EducationHub.SchoolRisk.Domain.SignalKind;

namespace EducationHub.SchoolRisk.Tests.Api;

/// <summary>
/// Outcomes the model cannot read are refused (they used to be stored and silently score nothing), and a
/// server_path the platform cannot parse is the caller's error, not INTERNAL.
/// </summary>
[Collection(SchoolRiskHostCollection.Name)]
public sealed class SignalOutcomeAndPathValidationTests(SchoolRiskHostFixture fixture)
{
    private static readonly string Recently = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> SchoolNoOtherTestUses()
    {
        var page = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = SchoolRiskHostFixture.Birmingham, Status = "open", PageSize = 40 }, fixture.ReaderToken);
        return page.Schools[25].Urn;
    }

    private SubmitSignalRequest Signal(int urn, SignalKind kind, string outcome) => new()
    {
        Urn = urn, Kind = kind, ConcernLevel = ConcernLevel.Medium, ObservedOn = Recently, Summary = "outcome validation test", Outcome = outcome,
    };

    [Theory]
    [InlineData(SignalKind.SafeguardingAudit, "ineffective", "\"not met\"")]
    [InlineData(SignalKind.OfstedMonitoringVisit, "ineffective", "\"not taking effective action\"")]
    [InlineData(SignalKind.SchoolImprovementVisit, "Not met - see notes", "\"unsatisfactory\"")]
    [InlineData(SignalKind.HeadteacherChange, "not met", "no outcomes")]
    public async Task An_outcome_the_model_cannot_read_is_refused_listing_the_allowed_values(SignalKind kind, string outcome, string expected)
    {
        var urn = await SchoolNoOtherTestUses();
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", Signal(urn, kind, outcome), fixture.PartnerToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal("outcome", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_outcome_is_recorded_in_its_canonical_spelling_and_scores_as_adverse()
    {
        var urn = await SchoolNoOtherTestUses();
        var signal = await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", Signal(urn, SignalKind.SafeguardingAudit, "  Not met. "), fixture.PartnerToken);
        Assert.Equal("not met", signal.Outcome);

        var assessment = await fixture.Call<GetAssessmentRequest, Assessment>("GetAssessment", new GetAssessmentRequest { Urn = urn }, fixture.ReaderToken);
        Assert.Contains(assessment.Reasons, r => r.Code == "PARTNER_SAFEGUARDING_S175_AUDIT" && r.Description.Contains("outcome \"not met\"", StringComparison.Ordinal));

        // Empty is still fine for every kind.
        var none = await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", Signal(urn, SignalKind.RscNote, ""), fixture.PartnerToken);
        Assert.Equal("", none.Outcome);
    }

    [Fact]
    public async Task A_correction_with_an_unknown_outcome_is_refused_and_the_signal_stays_current()
    {
        var urn = await SchoolNoOtherTestUses();
        var original = await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", Signal(urn, SignalKind.OfstedMonitoringVisit, "Taking effective action"), fixture.PartnerToken);
        Assert.Equal("taking effective action", original.Outcome);

        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<CorrectSignalRequest, Signal>("CorrectSignal", new CorrectSignalRequest
        {
            SignalId = original.SignalId, ConcernLevel = ConcernLevel.High, ObservedOn = Recently, Summary = "re-read the letter", Outcome = "ineffective", Reason = "misread",
        }, fixture.PartnerToken));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal("outcome", violation.Field);
        Assert.Contains("\"not taking effective action\"", violation.Description, StringComparison.Ordinal);

        // Nothing was superseded: the original can still be corrected, with an outcome the model reads.
        var corrected = await fixture.Call<CorrectSignalRequest, Signal>("CorrectSignal", new CorrectSignalRequest
        {
            SignalId = original.SignalId, ConcernLevel = ConcernLevel.High, ObservedOn = Recently, Summary = "re-read the letter", Outcome = "Not taking effective action.", Reason = "misread",
        }, fixture.PartnerToken);
        Assert.Equal(original.SignalId, corrected.SupersedesSignalId);
        Assert.Equal("not taking effective action", corrected.Outcome);
    }

    [Fact]
    public void Every_adverse_outcome_the_model_scores_can_be_submitted_for_some_kind()
    {
        var allowed = Enum.GetValues<DomainKind>().SelectMany(SignalOutcomes.For).ToHashSet();
        Assert.Subset(allowed, SignalOutcomes.Adverse.ToHashSet());
    }

    [Theory]
    [InlineData("ImportRegister", "school_details\0.csv")]
    [InlineData("ImportIndicators", "england_ks2final.csv\0")]
    [InlineData("ImportRegister", "school\u0001details.csv")]
    public async Task A_server_path_with_control_characters_is_INVALID_ARGUMENT_on_server_path(string method, string path)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<ImportRequest, ImportResult>(method,
            new ImportRequest { ServerPath = path }, fixture.AdminToken));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal("server_path", violation.Field);
        Assert.Contains("control characters", violation.Description, StringComparison.Ordinal);
    }
}

using EducationHub.Contracts.V1;
using EducationHub.Grpc;
using EducationHub.Protos.Complaints.V1;
using EducationHub.Testing.Grpc;
using Xunit;
using Status = EducationHub.Protos.Complaints.V1.Status;
using static EducationHub.Complaints.Tests.Api.ComplaintRequests;

namespace EducationHub.Complaints.Tests.Api;

public sealed class IntakeRulesApiTests(ComplaintsHostFixture fixture) : IClassFixture<ComplaintsHostFixture>
{
    private ComplaintsHost Host => fixture.Host;

    [Fact]
    public async Task Timescales_count_school_days_only_across_half_term_and_christmas()
    {
        // Tue 20 Oct 2026: half term is 26-30 Oct, so 5 school days end Tue 3 Nov and 10 end Tue 10 Nov.
        var autumn = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-10-20", "2026-10-19", urn: 100011));
        Assert.Equal("2026-11-03", autumn.AcknowledgeBy);
        Assert.Equal("2026-11-10", autumn.Stages[0].DueOn);

        // Fri 11 Dec 2026: term ends Fri 18 Dec, spring term starts Mon 4 Jan 2027 (bank holidays fall in the holiday).
        var christmas = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-12-11", "2026-12-10", urn: 100011));
        Assert.Equal("2026-12-18", christmas.AcknowledgeBy);
        Assert.Equal("2027-01-08", christmas.Stages[0].DueOn);
    }

    [Fact]
    public async Task A_complaint_about_an_incident_over_three_months_old_needs_a_reason_to_be_accepted_late()
    {
        var late = Bullying("2026-12-01", "2026-08-31", urn: 100012);

        var refused = await Host.Fails<CreateComplaintRequest, Complaint>("CreateComplaint", late);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("3 months", refused.Status.Detail);

        late.LateAcceptanceReason = "Complainant only learned of the incident in November";
        var accepted = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", late);
        Assert.Equal("Complainant only learned of the incident in November", accepted.LateAcceptanceReason);
        Assert.Equal(Status.Open, accepted.Status);
    }

    [Fact]
    public async Task Out_of_scope_matters_are_routed_and_child_protection_raises_the_safeguarding_flag()
    {
        var admissions = Bullying("2026-12-02", "2026-12-01", urn: 100013);
        admissions.Category = Category.Admissions;
        var routed = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", admissions);
        Assert.Equal(Status.Routed, routed.Status);
        Assert.Equal(OutOfScopeMatter.Admissions, routed.RoutedMatter);
        Assert.Contains("Admissions appeal", routed.RoutedTo);
        Assert.Empty(routed.AllowedActions);

        var allegation = Bullying("2026-12-02", "2026-12-01", urn: 100013);
        allegation.Category = Category.StaffConduct;
        allegation.OutOfScopeMatter = OutOfScopeMatter.ChildProtection;
        var cp = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", allegation);
        Assert.Equal(Status.Routed, cp.Status);
        Assert.True(cp.SafeguardingFlag);
        Assert.Contains("LADO", cp.RoutedTo);

        var evt = await Host.Events.WaitFor<ComplaintReceived>(e => e.ComplaintId == Guid.Parse(cp.ComplaintId));
        Assert.True(evt.SafeguardingFlag);
    }

    [Fact]
    public async Task Many_similar_complaints_in_a_fortnight_become_one_campaign_that_counts_once()
    {
        const int urn = 100014;
        Complaint? last = null;
        for (var i = 0; i < 5; i++)
        {
            var request = Bullying($"2026-12-0{i + 1}", "2026-11-30", urn: urn);
            request.Category = Category.Curriculum;
            request.Summary = i % 2 == 0
                ? "Parents were not consulted about the new relationships education curriculum which is inappropriate"
                : "The relationships education curriculum is inappropriate and parents were never consulted";
            last = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", request);
            Assert.Equal(i < 4, string.IsNullOrEmpty(last.CampaignId));
        }

        var detected = await Host.Events.WaitFor<ComplaintCampaignDetected>(e => e.Urn == urn);
        Assert.Equal(Guid.Parse(last!.CampaignId), detected.CampaignId);
        Assert.Equal(5, detected.ComplaintIds.Count);

        var campaigns = await Host.Call<ListCampaignsRequest, ListCampaignsResponse>("ListCampaigns", new() { Urn = urn }, Host.ReadToken);
        Assert.Equal(5, Assert.Single(campaigns.Campaigns).ComplaintIds.Count);

        // Read through a third-party client (Python grpcio) as a partner system would.
        var themes = await PythonGrpcClient.CallAsync(Host.Host.GrpcAddress, $"{ComplaintsHost.Service}/GetThemeSummary",
            $$"""{"urn": {{urn}}, "endingOn": "2026-12-10", "windowDays": [30]}""", Host.ReadToken);
        Assert.True(themes.Ok, themes.ToString());
        var curriculum = themes["themes"].EnumerateArray().Single(t => t.GetProperty("category").GetString() == "CATEGORY_CURRICULUM");
        Assert.Equal(5, curriculum.GetProperty("complaints").GetInt32());
        Assert.Equal(1, curriculum.GetProperty("countedForRisk").GetInt32());
    }

    [Fact]
    public async Task Invalid_fields_are_reported_field_by_field_to_a_third_party_client()
    {
        var result = await PythonGrpcClient.CallAsync(Host.Host.GrpcAddress, $"{ComplaintsHost.Service}/CreateComplaint",
            """{"urn": 12, "summary": "", "incidentOn": "31/12/2026", "receivedOn": "2027-01-05"}""", Host.WriteToken);

        Assert.Equal("INVALID_ARGUMENT", result.Code);
        var fields = result.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "urn", "category", "complainant_type", "channel", "summary", "incident_on", "received_on" }, fields);
    }

    [Fact]
    public async Task A_theme_summary_ending_before_2000_is_refused_naming_ending_on()
    {
        // 0001-01-01 used to make the window arithmetic throw, reported against a field called "value".
        foreach (var endingOn in new[] { "0001-01-01", "1999-12-31" })
        {
            var bad = await Host.Fails<GetThemeSummaryRequest, ThemeSummary>("GetThemeSummary", new() { Urn = 100015, EndingOn = endingOn }, Host.ReadToken);
            Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
            Assert.Equal("ending_on", Assert.Single(bad.GetBadRequest()!.FieldViolations).Field);
        }

        var earliest = await Host.Call<GetThemeSummaryRequest, ThemeSummary>("GetThemeSummary", new() { Urn = 100015, EndingOn = "2000-01-01" }, Host.ReadToken);
        Assert.Equal("2000-01-01", earliest.EndingOn);
    }

    [Fact]
    public async Task Unknown_complaint_is_not_found_and_a_bad_id_is_invalid()
    {
        var missing = await Host.Fails<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = Guid.NewGuid().ToString() }, Host.ReadToken);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var bad = await Host.Fails<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = "not-an-id" }, Host.ReadToken);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal("complaint_id", Assert.Single(bad.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Reading_partners_cannot_write_and_anonymous_callers_are_refused()
    {
        var denied = await Host.Fails<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-12-01", "2026-11-30"), Host.ReadToken);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var anonymous = await PythonGrpcClient.CallAsync(Host.Host.GrpcAddress, $"{ComplaintsHost.Service}/ListComplaints", "{}");
        Assert.Equal("UNAUTHENTICATED", anonymous.Code);
    }
}

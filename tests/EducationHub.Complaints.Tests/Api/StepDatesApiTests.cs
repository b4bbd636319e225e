using EducationHub.Grpc;
using EducationHub.Protos.Complaints.V1;
using Google.Protobuf;
using Xunit;
using Status = EducationHub.Protos.Complaints.V1.Status;
using static EducationHub.Complaints.Tests.Api.ComplaintRequests;

namespace EducationHub.Complaints.Tests.Api;

/// <summary>Every date a request carries is checked against the dates the complaint already holds ("today" is 15 Dec 2026).</summary>
public sealed class StepDatesApiTests(ComplaintsHostFixture fixture) : IClassFixture<ComplaintsHostFixture>
{
    private ComplaintsHost Host => fixture.Host;

    [Fact]
    public async Task A_step_dated_before_the_complaint_was_received_or_before_its_stage_was_answered_is_refused_naming_the_field()
    {
        // Received Mon 16 Nov 2026 at stage 1.
        var created = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-11-16", "2026-11-10", urn: 100041));
        var id = created.ComplaintId;

        await Refused<AcknowledgeComplaintRequest>("AcknowledgeComplaint", new() { ComplaintId = id, AcknowledgedOn = "2003-05-01" }, "acknowledged_on", "received", "2026-11-16");
        await Refused<RecordOutcomeRequest>("RecordOutcome", new() { ComplaintId = id, Outcome = Outcome.Upheld, RespondedOn = "2026-11-13" }, "responded_on", "received", "2026-11-16");
        await Refused<WithdrawComplaintRequest>("WithdrawComplaint", new() { ComplaintId = id, WithdrawnOn = "2026-11-15" }, "withdrawn_on", "received", "2026-11-16");
        var unchanged = await Host.Call<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = id });
        Assert.Equal((Status.Open, "", ""), (unchanged.Status, unchanged.AcknowledgedOn, unchanged.Stages[0].RespondedOn));

        // The day of receipt itself is allowed.
        await Host.Call<AcknowledgeComplaintRequest, Complaint>("AcknowledgeComplaint", new() { ComplaintId = id, AcknowledgedOn = "2026-11-16" });
        var responded = await Host.Call<RecordOutcomeRequest, Complaint>("RecordOutcome",
            new() { ComplaintId = id, Outcome = Outcome.PartlyUpheld, Remedies = { "Written apology" }, RespondedOn = "2026-11-25" });
        var remedyId = Assert.Single(responded.Stages[0].Remedies).RemedyId;

        // After the response: escalation (which would open stage 2 already overdue), closure, withdrawal and
        // the remedy cannot precede it.
        await Refused<EscalateComplaintRequest>("EscalateComplaint", new() { ComplaintId = id, EscalatedOn = "2026-11-24" }, "escalated_on", "response", "2026-11-25");
        await Refused<CloseComplaintRequest>("CloseComplaint", new() { ComplaintId = id, ClosedOn = "2003-05-01" }, "closed_on", "received", "2026-11-16");
        await Refused<CloseComplaintRequest>("CloseComplaint", new() { ComplaintId = id, ClosedOn = "2026-11-20" }, "closed_on", "response", "2026-11-25");
        await Refused<WithdrawComplaintRequest>("WithdrawComplaint", new() { ComplaintId = id, WithdrawnOn = "2026-11-24" }, "withdrawn_on", "response", "2026-11-25");
        await Refused<MarkRemedyCarriedOutRequest>("MarkRemedyCarriedOut", new() { ComplaintId = id, RemedyId = remedyId, CarriedOutOn = "2026-11-24" }, "carried_out_on", "remedy", "2026-11-25");
        unchanged = await Host.Call<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = id });
        Assert.Equal((Status.Responded, Stage.Stage1, ""), (unchanged.Status, unchanged.Stage, unchanged.Stages[0].Remedies[0].CarriedOutOn));

        // The same day as the response is allowed; stage 2 then opens on that day and its steps cannot precede it.
        var atStage2 = await Host.Call<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = id, EscalatedOn = "2026-11-25" });
        Assert.Equal((Stage.Stage2, "2026-11-25"), (atStage2.Stage, atStage2.Stages[^1].OpenedOn));
        Assert.False(atStage2.Stages[^1].Overdue);
        await Refused<RecordOutcomeRequest>("RecordOutcome", new() { ComplaintId = id, Outcome = Outcome.NotUpheld, RespondedOn = "2026-11-24" }, "responded_on", "opened", "2026-11-25");
        await Refused<WithdrawComplaintRequest>("WithdrawComplaint", new() { ComplaintId = id, WithdrawnOn = "2026-11-20" }, "withdrawn_on", "opened", "2026-11-25");
        var remedyDone = await Host.Call<MarkRemedyCarriedOutRequest, Complaint>("MarkRemedyCarriedOut", new() { ComplaintId = id, RemedyId = remedyId, CarriedOutOn = "2026-11-25" });
        Assert.Equal("2026-11-25", remedyDone.Stages[0].Remedies[0].CarriedOutOn);
        var withdrawn = await Host.Call<WithdrawComplaintRequest, Complaint>("WithdrawComplaint", new() { ComplaintId = id, WithdrawnOn = "2026-11-26" });
        Assert.Equal((Status.Closed, "2026-11-26"), (withdrawn.Status, withdrawn.ClosedOn));
    }

    [Fact]
    public async Task An_overdue_stage_cannot_be_escalated_on_a_date_before_the_complaint_was_received()
    {
        // Stage 1 is due Mon 30 Nov and unanswered: escalation is allowed after that, never before receipt.
        var created = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-11-16", "2026-11-10", urn: 100042));
        await Refused<EscalateComplaintRequest>("EscalateComplaint", new() { ComplaintId = created.ComplaintId, EscalatedOn = "2026-11-02" }, "escalated_on", "received", "2026-11-16");
        var escalated = await Host.Call<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = created.ComplaintId, EscalatedOn = "2026-12-01" });
        Assert.Equal(Stage.Stage2, escalated.Stage);
    }

    [Fact]
    public async Task Intake_dates_before_2000_are_refused_naming_the_field()
    {
        // An incident in year 1 was stored (given a late-acceptance reason); a receipt in 1999 failed in the
        // school calendar as FAILED_PRECONDITION "TERM_DATES".
        await RefusedCreate(AcceptedLate("2026-12-01", "0001-01-01"), "incident_on", "2000-01-01");
        await RefusedCreate(AcceptedLate("2026-12-01", "1999-12-31"), "incident_on", "2000-01-01");
        await RefusedCreate(Bullying("1999-12-31", "1999-12-30", urn: 100043), "received_on", "2000-01-01", alsoIncident: true);

        var accepted = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", AcceptedLate("2026-12-01", "2000-01-01"));
        Assert.Equal("2000-01-01", accepted.IncidentOn);
    }

    private static CreateComplaintRequest AcceptedLate(string receivedOn, string incidentOn)
    {
        var request = Bullying(receivedOn, incidentOn, urn: 100043);
        request.LateAcceptanceReason = "Historic matter raised by a former pupil's parent";
        return request;
    }

    private async Task RefusedCreate(CreateComplaintRequest request, string field, string bound, bool alsoIncident = false)
    {
        var ex = await Host.Fails<CreateComplaintRequest, Complaint>("CreateComplaint", request);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violations = ex.GetBadRequest()!.FieldViolations;
        Assert.Equal(alsoIncident ? [field, "incident_on"] : [field], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Contains(bound, v.Description));
    }

    private async Task Refused<TRequest>(string method, TRequest request, string field, string precedes, string date)
        where TRequest : class, IMessage<TRequest>, new()
    {
        var ex = await Host.Fails<TRequest, Complaint>(method, request);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.Contains(precedes, violation.Description);
        Assert.Contains(date, violation.Description);
    }
}

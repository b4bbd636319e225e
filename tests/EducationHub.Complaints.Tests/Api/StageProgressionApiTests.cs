using System.Text.Json;
using EducationHub.Contracts.V1;
using EducationHub.Grpc;
using EducationHub.Protos.Complaints.V1;
using Xunit;
using Status = EducationHub.Protos.Complaints.V1.Status;
using static EducationHub.Complaints.Tests.Api.ComplaintRequests;

namespace EducationHub.Complaints.Tests.Api;

public sealed class StageProgressionApiTests(ComplaintsHostFixture fixture) : IClassFixture<ComplaintsHostFixture>
{
    private ComplaintsHost Host => fixture.Host;

    [Fact]
    public async Task A_complaint_moves_through_every_stage_and_each_step_is_published_without_personal_data()
    {
        var created = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-11-16", "2026-11-10", urn: 100001));
        Assert.Equal(Status.Open, created.Status);
        Assert.Equal(Stage.Stage1, created.Stage);
        Assert.Equal("Test Borough Council", created.RecordedByOrganisation);
        var id = created.ComplaintId;

        await Host.Call<AcknowledgeComplaintRequest, Complaint>("AcknowledgeComplaint", new() { ComplaintId = id, AcknowledgedOn = "2026-11-17" });
        await Host.Call<RecordOutcomeRequest, Complaint>("RecordOutcome", new() { ComplaintId = id, Outcome = Outcome.NotUpheld, RespondedOn = "2026-11-25" });
        var atStage2 = await Host.Call<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = id, EscalatedOn = "2026-11-26" });
        Assert.Equal(Stage.Stage2, atStage2.Stage);
        var responded = await Host.Call<RecordOutcomeRequest, Complaint>("RecordOutcome", new() { ComplaintId = id, Outcome = Outcome.PartlyUpheld, Remedies = { "Written apology", "Review of break-time supervision" }, RespondedOn = "2026-12-08" });
        Assert.Equal(2, responded.Stages.Single(s => s.Stage == Stage.Stage2).Remedies.Count);
        var escalated = await Host.Call<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = id, EscalatedOn = "2026-12-10", Body = EscalationBody.DfeMaintained });
        Assert.Equal(Stage.Escalation, escalated.Stage);
        // The external body's finding is recorded as the escalation stage's outcome, then the case closes.
        await Host.Call<RecordOutcomeRequest, Complaint>("RecordOutcome", new() { ComplaintId = id, Outcome = Outcome.NotUpheld, RespondedOn = "2026-12-14" });
        var closed = await Host.Call<CloseComplaintRequest, Complaint>("CloseComplaint", new() { ComplaintId = id, ClosedOn = "2026-12-14" });
        Assert.Equal(Status.Closed, closed.Status);

        var complaintId = Guid.Parse(id);
        var received = await Host.Events.WaitFor<ComplaintReceived>(e => e.ComplaintId == complaintId);
        Assert.Equal((100001, "bullying", "stage-1", "email", false), (received.Urn, received.Category, received.Stage, received.Channel, received.SafeguardingFlag));
        var escalations = await WaitForCount<ComplaintEscalated>(complaintId, 2);
        Assert.Equal(["stage-1→stage-2", "stage-2→escalation"], escalations.Select(e => $"{e.FromStage}→{e.ToStage}").Order());
        var concluded = await Host.Events.WaitFor<ComplaintConcluded>(e => e.ComplaintId == complaintId);
        Assert.Equal(("escalation", "not-upheld"), (concluded.Stage, concluded.Outcome));

        foreach (var evt in Host.Events.All.Where(e => e.Producer == "complaints" && e.Urn == 100001))
        {
            var json = JsonSerializer.Serialize(evt, evt.GetType());
            Assert.DoesNotContain("Jane", json, StringComparison.Ordinal);
            Assert.DoesNotContain("example.org", json, StringComparison.Ordinal);
            Assert.DoesNotContain("bullied", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_illegal_step_is_refused_with_the_allowed_steps_and_changes_nothing()
    {
        var created = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-12-01", "2026-11-28", urn: 100002));

        var refused = await Host.Fails<CloseComplaintRequest, Complaint>("CloseComplaint", new() { ComplaintId = created.ComplaintId });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var violation = Assert.Single(refused.GetPreconditionFailure()!.Violations);
        Assert.Contains("allowed: acknowledge, extend, record_outcome, escalate, withdraw", violation.Description);
        var after = await Host.Call<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = created.ComplaintId });
        Assert.Equal(Status.Open, after.Status);
        Assert.Equal(["acknowledge", "extend", "record_outcome", "escalate", "withdraw"], after.AllowedActions);
    }

    [Fact]
    public async Task Escalating_a_stage_still_in_time_is_refused_but_allowed_once_it_is_overdue()
    {
        // Received Mon 16 Nov; stage 1 (10 school days) is due Mon 30 Nov; today is 15 Dec.
        var inTime = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-11-16", "2026-11-10", urn: 100003));
        Assert.Equal("2026-11-30", inTime.Stages[0].DueOn);

        var early = await Host.Fails<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = inTime.ComplaintId, EscalatedOn = "2026-11-30" });
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);

        var late = await Host.Call<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = inTime.ComplaintId, EscalatedOn = "2026-12-01" });
        Assert.Equal(Stage.Stage2, late.Stage);
    }

    [Fact]
    public async Task An_extension_is_recorded_once_with_its_reason()
    {
        var created = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-12-01", "2026-11-28", urn: 100004));
        var extended = await Host.Call<ExtendTimescaleRequest, Complaint>("ExtendTimescale", new() { ComplaintId = created.ComplaintId, Reason = "Investigating officer is ill", ExtraSchoolDays = 5 });

        Assert.Equal("Investigating officer is ill", extended.Stages[0].ExtensionReason);
        Assert.True(string.CompareOrdinal(extended.Stages[0].DueOn, created.Stages[0].DueOn) > 0);
        var again = await Host.Fails<ExtendTimescaleRequest, Complaint>("ExtendTimescale", new() { ComplaintId = created.ComplaintId, Reason = "Again", ExtraSchoolDays = 5 });
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    private async Task<IReadOnlyList<T>> WaitForCount<T>(Guid complaintId, int count)
        where T : IIntegrationEvent
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var found = Host.Events.Of<T>(e => JsonSerializer.Serialize(e).Contains(complaintId.ToString(), StringComparison.Ordinal));
            if (found.Count >= count) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Fewer than {count} {typeof(T).Name} events arrived for {complaintId}");
    }
}

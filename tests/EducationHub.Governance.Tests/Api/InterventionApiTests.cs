using EducationHub.Contracts.V1;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Tests.Support;
using EducationHub.Grpc;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Api;

public abstract class InterventionApiTests(HostFixture fixture)
{
    private readonly GovernanceHost _host = fixture.Host;
    private readonly Scenario _scenario = new(fixture.Host);

    private static readonly InterventionKind[] Kinds = [InterventionKind.InterimExecutiveBoard, InterventionKind.AdditionalGovernors];

    public static TheoryData<InterventionKind, InterventionStatus, InterventionTrigger> Cases()
    {
        var data = new TheoryData<InterventionKind, InterventionStatus, InterventionTrigger>();
        foreach (var kind in Kinds)
        {
            foreach (var status in Enum.GetValues<InterventionStatus>().Where(s => s != InterventionStatus.Unspecified))
            {
                // Statuses an additional-governors intervention can never reach are skipped.
                if (kind == InterventionKind.AdditionalGovernors && status is InterventionStatus.AwaitingApproval or InterventionStatus.Approved or InterventionStatus.Rejected)
                {
                    continue;
                }

                foreach (var trigger in Enum.GetValues<InterventionTrigger>().Where(t => t != InterventionTrigger.Unspecified))
                {
                    data.Add(kind, status, trigger);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_trigger_from_every_status_is_applied_or_refused_as_the_table_says(InterventionKind kind, InterventionStatus from, InterventionTrigger trigger)
    {
        var intervention = await _scenario.InterventionIn((Pb.InterventionKind)kind, (Pb.InterventionStatus)from);
        var row = InterventionLifecycle.Find(from, trigger);
        var guardBlocks = row?.Guard switch
        {
            InterventionGuard.NeedsApproval => !InterventionLifecycle.NeedsApproval(kind),
            InterventionGuard.NoApprovalNeeded => InterventionLifecycle.NeedsApproval(kind),
            _ => false,
        };

        if (row is not null && !guardBlocks)
        {
            var after = await _scenario.TransitionIntervention(intervention.InterventionId, (Pb.InterventionTrigger)trigger, "Board restored; school improving");
            Assert.Equal((Pb.InterventionStatus)row.To, after.Status);
            Assert.Equal((Pb.InterventionTrigger)trigger, after.History[^1].Trigger);
            return;
        }

        var ex = await _host.Fails<Pb.TransitionInterventionRequest, Pb.Intervention>("TransitionIntervention", new Pb.TransitionInterventionRequest
        {
            InterventionId = intervention.InterventionId,
            Trigger = (Pb.InterventionTrigger)trigger,
            Outcome = "x",
        });
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var allowed = ex.GetPreconditionFailure()!.Violations.Where(v => v.Type == "ALLOWED_TRANSITION").Select(v => v.Description.Split(' ')[0]).Order();
        Assert.Equal(intervention.AllowedTriggers.Select(t => "INTERVENTION_TRIGGER_" + ToSnake(t.ToString())).Order(), allowed);
    }

    [Fact]
    public async Task Starting_and_ending_publish_events_and_reviews_move_the_next_review_date()
    {
        var urn = Scenario.NewUrn();
        var ieb = await _scenario.Propose(urn, Pb.InterventionKind.InterimExecutiveBoard);
        Assert.Equal("Test Borough Council", ieb.ResponsibleOrganisation);
        await _scenario.TransitionIntervention(ieb.InterventionId, Pb.InterventionTrigger.SubmitForApproval);
        var approved = await _scenario.TransitionIntervention(ieb.InterventionId, Pb.InterventionTrigger.Approve);
        Assert.Equal("2026-03-16", approved.ApprovedOn);
        var started = await _scenario.TransitionIntervention(ieb.InterventionId, Pb.InterventionTrigger.Start);
        Assert.Equal("2026-03-16", started.StartedOn);

        var reviewed = await _host.Call<Pb.RecordInterventionReviewRequest, Pb.Intervention>("RecordInterventionReview", new Pb.RecordInterventionReviewRequest
        {
            InterventionId = ieb.InterventionId,
            ReviewedOn = "2026-03-16",
            Note = "IEB meeting monthly; finance recovery plan agreed",
            NextReviewOn = "2026-06-15",
        });
        Assert.Equal("2026-06-15", reviewed.NextReviewOn);
        Assert.Single(reviewed.Reviews);

        var ended = await _scenario.TransitionIntervention(ieb.InterventionId, Pb.InterventionTrigger.End, "Replaced by a new governing body");
        Assert.Equal(Pb.InterventionStatus.Ended, ended.Status);
        Assert.Equal("", ended.NextReviewOn);

        var id = Guid.Parse(ieb.InterventionId);
        var startedEvent = await _host.Events.WaitFor<InterventionStarted>(e => e.InterventionId == id);
        Assert.Equal(urn, startedEvent.Urn);
        Assert.Equal("InterimExecutiveBoard", startedEvent.Kind);
        Assert.Equal(new DateOnly(2026, 3, 16), startedEvent.StartedOn);
        Assert.Equal("Test Borough Council", startedEvent.ResponsibleOrganisation);
        var endedEvent = await _host.Events.WaitFor<InterventionEnded>(e => e.InterventionId == id);
        Assert.Equal("Replaced by a new governing body", endedEvent.Outcome);
        Assert.Equal("governance", endedEvent.Producer);
        Assert.Equal(id, endedEvent.CorrelationId);
    }

    [Fact]
    public async Task A_step_or_review_cannot_be_dated_before_the_step_it_follows()
    {
        // Today is Monday 16 March 2026. An IEB: submitted, approved, started, reviewed and ended in order.
        var ieb = await _scenario.Propose(Scenario.NewUrn(), Pb.InterventionKind.InterimExecutiveBoard);
        var id = ieb.InterventionId;
        await Step(id, Pb.InterventionTrigger.SubmitForApproval, "2026-03-02");
        await RefusedStep(id, Pb.InterventionTrigger.Approve, "2026-03-01", "submitted for approval (2026-03-02)");
        await Step(id, Pb.InterventionTrigger.Approve, "2026-03-03");
        await RefusedStep(id, Pb.InterventionTrigger.Start, "2026-03-02", "approved (2026-03-03)");
        var started = await Step(id, Pb.InterventionTrigger.Start, "2026-03-04");
        Assert.Equal("2026-03-04", started.StartedOn);

        var early = await _host.Fails<Pb.RecordInterventionReviewRequest, Pb.Intervention>("RecordInterventionReview",
            new Pb.RecordInterventionReviewRequest { InterventionId = id, ReviewedOn = "2026-03-03", Note = "Board meeting" });
        Assert.Equal(StatusCode.InvalidArgument, early.StatusCode);
        var violation = Assert.Single(early.GetBadRequest()!.FieldViolations);
        Assert.Equal("reviewed_on", violation.Field);
        Assert.Contains("started (2026-03-04)", violation.Description);
        await _host.Call<Pb.RecordInterventionReviewRequest, Pb.Intervention>("RecordInterventionReview",
            new Pb.RecordInterventionReviewRequest { InterventionId = id, ReviewedOn = "2026-03-09", Note = "Board meeting; finance plan agreed" });

        await RefusedStep(id, Pb.InterventionTrigger.End, "2026-03-03", "started (2026-03-04)");
        await RefusedStep(id, Pb.InterventionTrigger.End, "2026-03-06", "latest review (2026-03-09)");
        var unchanged = await _host.Call<Pb.GetInterventionRequest, Pb.Intervention>("GetIntervention", new Pb.GetInterventionRequest { InterventionId = id });
        Assert.Equal((Pb.InterventionStatus.Active, ""), (unchanged.Status, unchanged.EndedOn));

        var ended = await Step(id, Pb.InterventionTrigger.End, "2026-03-09");
        Assert.Equal("2026-03-09", ended.EndedOn);
        var endedEvent = await _host.Events.WaitFor<InterventionEnded>(e => e.InterventionId == Guid.Parse(id));
        Assert.Equal(new DateOnly(2026, 3, 9), endedEvent.EndedOn);
    }

    private Task<Pb.Intervention> Step(string id, Pb.InterventionTrigger trigger, string onDate) =>
        _host.Call<Pb.TransitionInterventionRequest, Pb.Intervention>("TransitionIntervention", new Pb.TransitionInterventionRequest
        {
            InterventionId = id, Trigger = trigger, OnDate = onDate, Outcome = "Replaced by a new governing body",
        });

    private async Task RefusedStep(string id, Pb.InterventionTrigger trigger, string onDate, string precedes)
    {
        var ex = await _host.Fails<Pb.TransitionInterventionRequest, Pb.Intervention>("TransitionIntervention", new Pb.TransitionInterventionRequest
        {
            InterventionId = id, Trigger = trigger, OnDate = onDate, Outcome = "Replaced by a new governing body",
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal("on_date", violation.Field);
        Assert.Contains(precedes, violation.Description);
    }

    private static string ToSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}

public sealed class SqliteInterventionApiTests(SqliteHostFixture fixture) : InterventionApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresInterventionApiTests(PostgresHostFixture fixture) : InterventionApiTests(fixture), IClassFixture<PostgresHostFixture>;

using Xunit;
using EducationHub.Complaints.Domain;
using static EducationHub.Complaints.Tests.Domain.ComplaintBuilder;

namespace EducationHub.Complaints.Tests.Domain;

public sealed class ComplaintLifecycleTests
{
    [Fact]
    public void A_formal_complaint_opens_stage_1_with_school_day_deadlines()
    {
        var complaint = Receive();

        Assert.Equal(ComplaintStatus.Open, complaint.Status);
        Assert.Equal(ComplaintStage.Stage1, complaint.Stage);
        Assert.Equal(new DateOnly(2026, 11, 9), complaint.AcknowledgeBy);      // 5 weekdays after Mon 2 Nov
        Assert.Equal(new DateOnly(2026, 11, 16), complaint.CurrentStage.DueOn); // 10 weekdays
    }

    [Fact]
    public void Full_progression_concern_to_escalation_records_each_stage()
    {
        var complaint = Receive(Intake(start: ComplaintStage.Concern));
        Assert.Equal(ComplaintStage.Concern, complaint.Stage);

        complaint.Acknowledge(Received.AddDays(1));
        complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(5), []);
        Assert.Equal(ComplaintStatus.Responded, complaint.Status);

        Assert.Equal(ComplaintStage.Stage1, complaint.Escalate(Received.AddDays(8), null, Timescales, SchoolDays));
        complaint.RecordOutcome(StageOutcome.PartlyUpheld, Received.AddDays(12), ["Apology to the family", "Review playground supervision"]);
        Assert.Equal(ComplaintStage.Stage2, complaint.Escalate(Received.AddDays(15), null, Timescales, SchoolDays));
        Assert.Equal(Received.AddDays(15 + 28), complaint.CurrentStage.DueOn); // 20 weekdays = 4 weeks
        complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(30), []);
        Assert.Equal(ComplaintStage.Escalation, complaint.Escalate(Received.AddDays(40), EscalationBody.DepartmentForEducationMaintained, Timescales, SchoolDays));
        Assert.Null(complaint.CurrentStage.DueOn); // external bodies set their own timescales
        complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(90), []);
        complaint.Close(Received.AddDays(91));

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal([ComplaintStage.Concern, ComplaintStage.Stage1, ComplaintStage.Stage2, ComplaintStage.Escalation], complaint.Stages.Select(s => s.Stage));
        Assert.Equal(2, complaint.Stages.Single(s => s.Stage == ComplaintStage.Stage1).Remedies.Count);
        Assert.Equal(StageOutcome.NotUpheld, complaint.FinalOutcome);
    }

    public static TheoryData<string, string> IllegalSteps => new()
    {
        // state, attempted action
        { "open", "close" },
        { "responded", "acknowledge" },
        { "responded", "record_outcome" },
        { "responded", "extend" },
        { "closed", "escalate" },
        { "closed", "record_outcome" },
        { "closed", "withdraw" },
        { "closed", "close" },
        { "routed", "record_outcome" },
        { "routed", "escalate" },
        { "escalation", "escalate" },
        { "extended", "extend" },
    };

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void Illegal_steps_are_refused_with_the_allowed_ones(string state, string action)
    {
        var complaint = InState(state);
        var before = complaint.Status;

        var refused = Assert.Throws<ComplaintRuleViolationException>(() => Attempt(complaint, action));

        Assert.Equal(before, complaint.Status);
        Assert.DoesNotContain(action, refused.AllowedActions);
        Assert.Equal(complaint.AllowedActions(), refused.AllowedActions);
    }

    [Fact]
    public void Open_stage_cannot_be_escalated_before_its_deadline_but_can_after()
    {
        var complaint = Receive();
        var due = complaint.CurrentStage.DueOn!.Value;

        Assert.Throws<ComplaintRuleViolationException>(() => complaint.Escalate(due, null, Timescales, SchoolDays));
        Assert.Equal(ComplaintStage.Stage2, complaint.Escalate(due.AddDays(1), null, Timescales, SchoolDays));
    }

    [Fact]
    public void Extension_is_allowed_once_and_moves_the_deadline_by_school_days()
    {
        var complaint = Receive();
        complaint.ExtendTimescale("Key witness on leave", 5, Timescales, SchoolDays);

        Assert.Equal(new DateOnly(2026, 11, 23), complaint.CurrentStage.DueOn);
        Assert.Equal("Key witness on leave", complaint.CurrentStage.ExtensionReason);
        Assert.Throws<ComplaintRuleViolationException>(() => complaint.ExtendTimescale("again", 5, Timescales, SchoolDays));
        Assert.Throws<ArgumentOutOfRangeException>(() => Receive().ExtendTimescale("too long", 21, Timescales, SchoolDays));
    }

    [Fact]
    public void Late_complaint_is_refused_without_a_reason_and_accepted_with_one()
    {
        var incident = Received.AddMonths(-3).AddDays(-1);

        var refused = Assert.Throws<ComplaintRuleViolationException>(() => Receive(Intake(incidentOn: incident)));
        Assert.Contains("accept_late", refused.AllowedActions);

        var accepted = Receive(Intake(incidentOn: incident, lateReason: "Complainant was in hospital"));
        Assert.Equal("Complainant was in hospital", accepted.LateAcceptanceReason);
        Assert.Equal(ComplaintStatus.Open, accepted.Status);
    }

    [Fact]
    public void Exactly_three_months_is_in_time()
    {
        var complaint = Receive(Intake(incidentOn: Received.AddMonths(-3)));
        Assert.Null(complaint.LateAcceptanceReason);
    }

    [Theory]
    [InlineData(ComplaintCategory.Admissions, OutOfScopeMatter.None, OutOfScopeMatter.Admissions, false)]
    [InlineData(ComplaintCategory.BehaviourAndExclusions, OutOfScopeMatter.ExclusionDecision, OutOfScopeMatter.ExclusionDecision, false)]
    [InlineData(ComplaintCategory.SenDisability, OutOfScopeMatter.SenAssessment, OutOfScopeMatter.SenAssessment, false)]
    [InlineData(ComplaintCategory.StaffConduct, OutOfScopeMatter.ChildProtection, OutOfScopeMatter.ChildProtection, true)]
    public void Out_of_scope_matters_are_routed_not_handled(ComplaintCategory category, OutOfScopeMatter given, OutOfScopeMatter routed, bool safeguarding)
    {
        // A late routed matter is still routed: its own process decides what is in time.
        var complaint = Receive(Intake(category: category, matter: given, incidentOn: Received.AddYears(-1)));

        Assert.Equal(ComplaintStatus.Routed, complaint.Status);
        Assert.Equal(routed, complaint.RoutedMatter);
        Assert.Equal(RoutingDestination.For(routed), complaint.RoutedTo);
        Assert.Equal(safeguarding, complaint.SafeguardingFlag);
        Assert.Empty(complaint.AllowedActions());
    }

    [Fact]
    public void Safeguarding_complaint_raises_the_flag_immediately()
    {
        Assert.True(Receive(Intake(category: ComplaintCategory.Safeguarding)).SafeguardingFlag);
        Assert.False(Receive(Intake(category: ComplaintCategory.Curriculum)).SafeguardingFlag);
    }

    [Theory]
    [InlineData(false, EscalationBody.DepartmentForEducationMaintained, ComplaintCategory.Bullying, true)]
    [InlineData(false, EscalationBody.DepartmentForEducationAcademies, ComplaintCategory.Bullying, false)]
    [InlineData(true, EscalationBody.DepartmentForEducationAcademies, ComplaintCategory.Bullying, true)]
    [InlineData(true, EscalationBody.DepartmentForEducationMaintained, ComplaintCategory.Bullying, false)]
    [InlineData(true, EscalationBody.OfstedQualifyingComplaint, ComplaintCategory.Curriculum, true)]
    [InlineData(false, EscalationBody.LocalGovernmentOmbudsman, ComplaintCategory.SenDisability, true)]
    [InlineData(false, EscalationBody.LocalGovernmentOmbudsman, ComplaintCategory.Bullying, false)]
    [InlineData(true, EscalationBody.LocalGovernmentOmbudsman, ComplaintCategory.SenDisability, false)]
    public void Escalation_body_must_fit_the_school_and_matter(bool academy, EscalationBody body, ComplaintCategory category, bool allowed)
    {
        var complaint = AtStage2Responded(Intake(academy: academy, category: category));

        var escalate = () => complaint.Escalate(Received.AddDays(60), body, Timescales, SchoolDays);

        if (allowed) Assert.Equal(ComplaintStage.Escalation, escalate());
        else Assert.Throws<ComplaintRuleViolationException>(() => { escalate(); });
    }

    [Fact]
    public void Leaving_stage_2_needs_a_body_and_earlier_stages_take_none()
    {
        Assert.Throws<ComplaintRuleViolationException>(() => AtStage2Responded(Intake()).Escalate(Received.AddDays(60), null, Timescales, SchoolDays));

        var atStage1 = Receive();
        atStage1.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(3), []);
        Assert.Throws<ComplaintRuleViolationException>(() => atStage1.Escalate(Received.AddDays(5), EscalationBody.OfstedQualifyingComplaint, Timescales, SchoolDays));
    }

    [Fact]
    public void Only_a_concern_can_be_resolved_informally_and_that_closes_it()
    {
        Assert.Throws<ComplaintRuleViolationException>(() => Receive().RecordOutcome(StageOutcome.ResolvedInformally, Received, []));

        var concern = Receive(Intake(start: ComplaintStage.Concern));
        concern.RecordOutcome(StageOutcome.ResolvedInformally, Received.AddDays(2), []);
        Assert.Equal(ComplaintStatus.Closed, concern.Status);
    }

    [Fact]
    public void Breaches_are_reported_once_per_stage_and_for_a_missed_acknowledgement()
    {
        var complaint = Receive();
        var due = complaint.CurrentStage.DueOn!.Value;

        Assert.Empty(complaint.DetectBreaches(complaint.AcknowledgeBy));
        var first = complaint.DetectBreaches(due.AddDays(1));
        Assert.Equal([("Acknowledgement", complaint.AcknowledgeBy), ("Stage1", due)], first);
        Assert.Empty(complaint.DetectBreaches(due.AddDays(2)));

        complaint.Escalate(due.AddDays(2), null, Timescales, SchoolDays);
        var stage2Due = complaint.CurrentStage.DueOn!.Value;
        Assert.Equal([("Stage2", stage2Due)], complaint.DetectBreaches(stage2Due.AddDays(1)));
    }

    [Fact]
    public void Remedies_are_tracked_until_carried_out()
    {
        var complaint = Receive();
        complaint.RecordOutcome(StageOutcome.Upheld, Received.AddDays(3), ["Apology"]);
        Assert.Contains("mark_remedy_done", complaint.AllowedActions());
        var remedy = complaint.CurrentStage.Remedies.Single();

        complaint.MarkRemedyCarriedOut(remedy.Id, Received.AddDays(9));

        Assert.Equal(Received.AddDays(9), remedy.CarriedOutOn);
        Assert.DoesNotContain("mark_remedy_done", complaint.AllowedActions());
    }

    [Fact]
    public void Erasing_the_complainant_keeps_the_complaint()
    {
        var complaint = Receive();
        complaint.EraseComplainant(DateTimeOffset.UnixEpoch);

        Assert.Null(complaint.Complainant.Name);
        Assert.Null(complaint.Complainant.Contact);
        Assert.Equal(ComplaintCategory.Bullying, complaint.Category);
    }

    private static Complaint AtStage2Responded(NewComplaint intake)
    {
        var complaint = Receive(intake);
        complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(3), []);
        complaint.Escalate(Received.AddDays(5), null, Timescales, SchoolDays);
        complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(20), []);
        return complaint;
    }

    private static Complaint InState(string state)
    {
        var complaint = Receive(state == "routed" ? Intake(category: ComplaintCategory.Admissions) : Intake());
        switch (state)
        {
            case "responded":
                complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(3), []);
                break;
            case "closed":
                complaint.RecordOutcome(StageOutcome.NotUpheld, Received.AddDays(3), []);
                complaint.Close(Received.AddDays(4));
                break;
            case "escalation":
                complaint = AtStage2Responded(Intake());
                complaint.Escalate(Received.AddDays(60), EscalationBody.OfstedQualifyingComplaint, Timescales, SchoolDays);
                break;
            case "extended":
                complaint.ExtendTimescale("reason", 3, Timescales, SchoolDays);
                break;
        }
        return complaint;
    }

    private static void Attempt(Complaint complaint, string action)
    {
        var on = Received.AddDays(100);
        switch (action)
        {
            case "acknowledge": complaint.Acknowledge(on); break;
            case "extend": complaint.ExtendTimescale("reason", 3, Timescales, SchoolDays); break;
            case "record_outcome": complaint.RecordOutcome(StageOutcome.Upheld, on, []); break;
            case "escalate": complaint.Escalate(on, EscalationBody.OfstedQualifyingComplaint, Timescales, SchoolDays); break;
            case "close": complaint.Close(on); break;
            case "withdraw": complaint.Withdraw(on); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}

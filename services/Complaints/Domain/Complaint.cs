namespace EducationHub.Complaints.Domain;

/// <summary>
/// A complaint about a school, from intake through its stages to closure. All state changes go
/// through methods that check the current status, so an illegal step is refused with the list of
/// steps that are allowed now.
/// </summary>
public sealed class Complaint
{
    public Guid Id { get; private set; }
    public int Urn { get; private set; }
    public bool SchoolIsAcademy { get; private set; }
    public ComplaintCategory Category { get; private set; }
    public ComplainantType ComplainantType { get; private set; }
    public IntakeChannel Channel { get; private set; }
    public string Summary { get; private set; } = "";
    public DateOnly IncidentOn { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string? LateAcceptanceReason { get; private set; }
    public DateOnly AcknowledgeBy { get; private set; }
    public DateOnly? AcknowledgedOn { get; private set; }
    public bool AcknowledgementBreachReported { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public bool SafeguardingFlag { get; private set; }
    public OutOfScopeMatter RoutedMatter { get; private set; }
    public string? RoutedTo { get; private set; }
    public Guid? CampaignId { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string RecordedByOrganisation { get; private set; } = "";
    public Complainant Complainant { get; private set; } = null!;
    public List<StageRecord> Stages { get; private set; } = [];

    private Complaint() { }

    public StageRecord CurrentStage => Stages.OrderBy(s => s.Stage).Last();
    public ComplaintStage Stage => CurrentStage.Stage;

    public static Complaint Receive(NewComplaint intake, ComplaintTimescales timescales, ISchoolDayCalendar calendar)
    {
        var complaint = new Complaint
        {
            Id = intake.Id,
            Urn = intake.Urn,
            SchoolIsAcademy = intake.SchoolIsAcademy,
            Category = intake.Category,
            ComplainantType = intake.ComplainantType,
            Channel = intake.Channel,
            Summary = intake.Summary.Trim(),
            IncidentOn = intake.IncidentOn,
            ReceivedOn = intake.ReceivedOn,
            RecordedByOrganisation = intake.RecordedByOrganisation,
            Complainant = new Complainant(intake.ComplainantName, intake.ComplainantContact),
            SafeguardingFlag = intake.Category == ComplaintCategory.Safeguarding || intake.OutOfScopeMatter == OutOfScopeMatter.ChildProtection,
            AcknowledgeBy = calendar.AddSchoolDays(intake.ReceivedOn, timescales.AcknowledgeSchoolDays),
        };

        var matter = intake.Category == ComplaintCategory.Admissions && intake.OutOfScopeMatter == OutOfScopeMatter.None
            ? OutOfScopeMatter.Admissions
            : intake.OutOfScopeMatter;
        if (matter != OutOfScopeMatter.None)
        {
            // Routed matters have their own statutory timescales: no complaint stage is opened.
            complaint.RoutedMatter = matter;
            complaint.RoutedTo = RoutingDestination.For(matter);
            complaint.Status = ComplaintStatus.Routed;
            complaint.Stages.Add(new StageRecord(intake.StartStage, intake.ReceivedOn, dueOn: null, escalatedTo: null));
            return complaint;
        }

        if (IsLate(intake.IncidentOn, intake.ReceivedOn, timescales))
        {
            if (string.IsNullOrWhiteSpace(intake.LateAcceptanceReason))
                throw new ComplaintRuleViolationException(
                    $"The incident was more than {timescales.RaiseWithinMonths} months before the complaint was received; accept it late with a reason or decline it.",
                    ["accept_late"]);
            complaint.LateAcceptanceReason = intake.LateAcceptanceReason.Trim();
        }

        if (intake.StartStage is not (ComplaintStage.Concern or ComplaintStage.Stage1))
            throw new ComplaintRuleViolationException("A new complaint starts as an informal concern or at stage 1.", ["start_as_concern", "start_at_stage_1"]);

        complaint.Status = ComplaintStatus.Open;
        complaint.Stages.Add(OpenStage(intake.StartStage, intake.ReceivedOn, timescales, calendar, escalatedTo: null));
        return complaint;
    }

    public static bool IsLate(DateOnly incidentOn, DateOnly receivedOn, ComplaintTimescales timescales) =>
        incidentOn < receivedOn.AddMonths(-timescales.RaiseWithinMonths);

    /// <summary>The actions the current state allows, by their API names.</summary>
    public IReadOnlyList<string> AllowedActions()
    {
        var allowed = new List<string>();
        switch (Status)
        {
            case ComplaintStatus.Open:
                if (AcknowledgedOn is null) allowed.Add("acknowledge");
                if (CurrentStage.DueOn is not null && !CurrentStage.IsExtended) allowed.Add("extend");
                allowed.Add("record_outcome");
                if (Stage != ComplaintStage.Escalation) allowed.Add("escalate");
                allowed.Add("withdraw");
                break;
            case ComplaintStatus.Responded:
                if (Stage != ComplaintStage.Escalation) allowed.Add("escalate");
                allowed.Add("close");
                allowed.Add("withdraw");
                break;
        }
        if (Stages.Any(s => s.Remedies.Any(r => r.CarriedOutOn is null))) allowed.Add("mark_remedy_done");
        return allowed;
    }

    public void Acknowledge(DateOnly on)
    {
        Require("acknowledge");
        NotBefore(on, ReceivedOn, "the date the complaint was received");
        AcknowledgedOn = on;
    }

    public void ExtendTimescale(string reason, int extraSchoolDays, ComplaintTimescales timescales, ISchoolDayCalendar calendar)
    {
        Require("extend");
        if (extraSchoolDays < 1 || extraSchoolDays > timescales.MaxExtensionSchoolDays)
            throw new ArgumentOutOfRangeException(nameof(extraSchoolDays), $"An extension is 1 to {timescales.MaxExtensionSchoolDays} school days.");
        CurrentStage.Extend(reason.Trim(), calendar.AddSchoolDays(CurrentStage.DueOn!.Value, extraSchoolDays));
    }

    public void RecordOutcome(StageOutcome outcome, DateOnly on, IReadOnlyList<string> remedies)
    {
        Require("record_outcome");
        NotBeforeCurrentStage(on);
        if (outcome == StageOutcome.ResolvedInformally && Stage != ComplaintStage.Concern)
            throw new ComplaintRuleViolationException("Only an informal concern can be resolved informally; a formal stage needs upheld, partly upheld or not upheld.", AllowedActions());
        CurrentStage.Respond(outcome, on, remedies);
        AcknowledgedOn ??= on; // a response is also an acknowledgement
        if (outcome is StageOutcome.Withdrawn or StageOutcome.ResolvedInformally)
            MarkClosed(on);
        else
            Status = ComplaintStatus.Responded;
    }

    /// <summary>
    /// Moves to the next stage: after a response the complainant is dissatisfied with, or when
    /// the school has let the current stage's timescale pass without responding.
    /// </summary>
    public ComplaintStage Escalate(DateOnly on, EscalationBody? body, ComplaintTimescales timescales, ISchoolDayCalendar calendar)
    {
        Require("escalate");
        NotBeforeCurrentStage(on);
        if (Status == ComplaintStatus.Open && (CurrentStage.DueOn is not { } due || on <= due))
            throw new ComplaintRuleViolationException("The current stage is still within its timescale; record its outcome first or wait until it is overdue.", AllowedActions());

        var next = Stage + 1;
        if (next == ComplaintStage.Escalation)
        {
            if (body is null)
                throw new ComplaintRuleViolationException("Escalation beyond stage 2 needs the body it goes to.", AllowedActions());
            CheckEscalationBody(body.Value);
        }
        else if (body is not null)
        {
            throw new ComplaintRuleViolationException("An escalation body applies only when leaving stage 2.", AllowedActions());
        }

        Stages.Add(OpenStage(next, on, timescales, calendar, body));
        Status = ComplaintStatus.Open;
        return next;
    }

    public void Close(DateOnly on)
    {
        Require("close");
        NotBeforeCurrentStage(on);
        MarkClosed(on);
    }

    public void Withdraw(DateOnly on)
    {
        Require("withdraw");
        NotBeforeCurrentStage(on);
        if (CurrentStage.Outcome is null) CurrentStage.Respond(StageOutcome.Withdrawn, on, []);
        MarkClosed(on);
    }

    private void MarkClosed(DateOnly on)
    {
        Status = ComplaintStatus.Closed;
        ClosedOn = on;
    }

    public void MarkRemedyCarriedOut(int remedyId, DateOnly on)
    {
        var remedy = Stages.SelectMany(s => s.Remedies).FirstOrDefault(r => r.Id == remedyId)
            ?? throw new KeyNotFoundException($"Remedy {remedyId} is not part of this complaint.");
        var agreedOn = Stages.First(s => s.Remedies.Contains(remedy)).RespondedOn;
        if (agreedOn is { } agreed) NotBefore(on, agreed, "the outcome that agreed the remedy");
        remedy.MarkCarriedOut(on);
    }

    public void JoinCampaign(Guid campaignId) => CampaignId ??= campaignId;

    /// <summary>The outcome that concluded the complaint (the last stage with one).</summary>
    public StageOutcome? FinalOutcome => Stages.Where(s => s.Outcome is not null).OrderBy(s => s.Stage).LastOrDefault()?.Outcome;

    /// <summary>Returns the breaches to report now: each stage's (and the acknowledgement's) at most once.</summary>
    public IReadOnlyList<(string Stage, DateOnly DueOn)> DetectBreaches(DateOnly today)
    {
        var breaches = new List<(string, DateOnly)>();
        if (Status is ComplaintStatus.Routed or ComplaintStatus.Closed) return breaches;
        if (AcknowledgedOn is null && !AcknowledgementBreachReported && today > AcknowledgeBy)
        {
            AcknowledgementBreachReported = true;
            breaches.Add(("Acknowledgement", AcknowledgeBy));
        }
        if (Status == ComplaintStatus.Open && CurrentStage.TryMarkBreached(today))
            breaches.Add((Stage.ToString(), CurrentStage.DueOn!.Value));
        return breaches;
    }

    public void EraseComplainant(DateTimeOffset at) => Complainant.Erase(at);

    private void CheckEscalationBody(EscalationBody body)
    {
        var fits = body switch
        {
            EscalationBody.DepartmentForEducationAcademies => SchoolIsAcademy,
            EscalationBody.DepartmentForEducationMaintained => !SchoolIsAcademy,
            EscalationBody.OfstedQualifyingComplaint => true,
            // The Ombudsman cannot look at a school's internal management; SEN provision the LA arranges is in scope.
            EscalationBody.LocalGovernmentOmbudsman => !SchoolIsAcademy && Category == ComplaintCategory.SenDisability,
            _ => false,
        };
        if (!fits)
            throw new ComplaintRuleViolationException($"{body} cannot take this complaint (school is {(SchoolIsAcademy ? "an academy" : "maintained")}, category {Category}).", AllowedActions());
    }

    /// <summary>
    /// A step on the current stage cannot precede the complaint's receipt, the stage's opening
    /// (an escalation's date) or, once answered, the stage's response.
    /// </summary>
    private void NotBeforeCurrentStage(DateOnly on)
    {
        NotBefore(on, ReceivedOn, "the date the complaint was received");
        NotBefore(on, CurrentStage.OpenedOn, $"the date the current stage ({Stage}) was opened");
        if (CurrentStage.RespondedOn is { } responded)
            NotBefore(on, responded, $"the current stage's ({Stage}) response");
    }

    private static void NotBefore(DateOnly on, DateOnly earliest, string what)
    {
        if (on < earliest)
            throw new StepDateException($"may not be before {what} ({earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})");
    }

    private void Require(string action)
    {
        var allowed = AllowedActions();
        if (!allowed.Contains(action))
            throw new ComplaintRuleViolationException($"'{action}' is not allowed while the complaint is {Status} at {Stage}.", allowed);
    }

    private static StageRecord OpenStage(ComplaintStage stage, DateOnly on, ComplaintTimescales timescales, ISchoolDayCalendar calendar, EscalationBody? escalatedTo)
    {
        var days = timescales.ResponseDaysFor(stage);
        var due = days is { } d ? calendar.AddSchoolDays(on, d) : (DateOnly?)null;
        return new StageRecord(stage, on, due, escalatedTo);
    }
}

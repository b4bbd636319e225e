namespace EducationHub.Complaints.Domain;

/// <summary>One stage of a complaint: when it opened, when the response is due, and how it ended.</summary>
public sealed class StageRecord
{
    public int Id { get; private set; }
    public ComplaintStage Stage { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? RespondedOn { get; private set; }
    public StageOutcome? Outcome { get; private set; }
    public EscalationBody? EscalatedTo { get; private set; }
    public bool BreachReported { get; private set; }
    public List<Remedy> Remedies { get; private set; } = [];

    private StageRecord() { }

    internal StageRecord(ComplaintStage stage, DateOnly openedOn, DateOnly? dueOn, EscalationBody? escalatedTo)
    {
        Stage = stage;
        OpenedOn = openedOn;
        DueOn = dueOn;
        EscalatedTo = escalatedTo;
    }

    public bool IsExtended => ExtensionReason is not null;

    internal void Extend(string reason, DateOnly newDueOn)
    {
        ExtensionReason = reason;
        DueOn = newDueOn;
    }

    internal void Respond(StageOutcome outcome, DateOnly on, IEnumerable<string> remedies)
    {
        Outcome = outcome;
        RespondedOn = on;
        Remedies.AddRange(remedies.Select(r => new Remedy(r)));
    }

    /// <summary>True the first time the stage is seen overdue, so the breach is reported once.</summary>
    internal bool TryMarkBreached(DateOnly today)
    {
        if (BreachReported || RespondedOn is not null || DueOn is not { } due || today <= due) return false;
        BreachReported = true;
        return true;
    }
}

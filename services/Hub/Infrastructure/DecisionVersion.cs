namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// What an EIG decision says and whether its action was done: the columns the current decision
/// (<see cref="DecisionRow"/>) and each version it replaced (<see cref="DecisionHistoryRow"/>) share.
/// </summary>
public abstract class DecisionVersion
{
    public string Month { get; set; } = "";
    public int Urn { get; set; }
    public int Kind { get; set; }
    public string OwnerOrganisation { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public string Action { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedBySubject { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public bool Done { get; set; }
    public string? DoneNote { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneRecordedBy { get; set; }

    /// <summary>
    /// When the outcome (done or not done) was recorded; null until one is. <see cref="DoneAt"/> is only set for "done",
    /// so without this a "not done" report would have no date. Outcomes recorded before the column existed have it only
    /// if done (migration 2026112304 copied <see cref="DoneAt"/>, the only time known).
    /// </summary>
    public DateTime? OutcomeRecordedAt { get; set; }

    /// <summary>The outcome reported for the action: done or not, the note, who reported it and when (<paramref name="at"/>).</summary>
    public void RecordOutcome(bool done, string? note, string organisation, DateTime at)
    {
        Done = done;
        DoneNote = note;
        DoneAt = done ? at : null;
        DoneRecordedBy = organisation;
        OutcomeRecordedAt = at; // done or not: a "not done" report has a date too
    }

    /// <summary>No outcome reported: a decision recorded again starts its outcome afresh.</summary>
    public void ClearOutcome()
    {
        Done = false;
        DoneNote = null;
        DoneAt = null;
        DoneRecordedBy = null;
        OutcomeRecordedAt = null;
    }

    /// <summary>Copies every shared column onto <paramref name="target"/> (keeping a replaced version as it stood).</summary>
    public void CopyTo(DecisionVersion target)
    {
        target.Month = Month;
        target.Urn = Urn;
        target.Kind = Kind;
        target.OwnerOrganisation = OwnerOrganisation;
        target.DueOn = DueOn;
        target.Action = Action;
        target.RecordedBy = RecordedBy;
        target.RecordedBySubject = RecordedBySubject;
        target.RecordedAt = RecordedAt;
        target.Done = Done;
        target.DoneNote = DoneNote;
        target.DoneAt = DoneAt;
        target.DoneRecordedBy = DoneRecordedBy;
        target.OutcomeRecordedAt = OutcomeRecordedAt;
    }
}

namespace EducationHub.Hub.Infrastructure;

/// <summary>An EIG decision: one per school per month (re-recording replaces it; the version it replaces is kept in <see cref="DecisionHistoryRow"/>).</summary>
public sealed class DecisionRow
{
    public Guid Id { get; set; }
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
}

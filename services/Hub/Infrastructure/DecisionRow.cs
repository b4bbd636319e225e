namespace EducationHub.Hub.Infrastructure;

/// <summary>An EIG decision: one per school per month (re-recording replaces it; the version it replaces is kept in <see cref="DecisionHistoryRow"/>).</summary>
public sealed class DecisionRow : DecisionVersion
{
    public Guid Id { get; set; }
}

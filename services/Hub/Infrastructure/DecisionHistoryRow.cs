namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A version of an EIG decision that a later recording for the same school and month replaced: the decision as it
/// stood (including whether its action had been marked done), and who replaced it and when. Rows are only added.
/// </summary>
public sealed class DecisionHistoryRow : DecisionVersion
{
    public Guid Id { get; set; }

    /// <summary>The <see cref="DecisionRow.Id"/> of the decision this version was replaced in.</summary>
    public Guid DecisionId { get; set; }

    public DateTime ReplacedAt { get; set; }
    public string ReplacedBy { get; set; } = "";
    public string ReplacedBySubject { get; set; } = "";
}

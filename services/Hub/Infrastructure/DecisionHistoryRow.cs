namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A version of an EIG decision that a later change for the same school and month replaced: the decision as it
/// stood (including the outcome recorded for its action), and who replaced it, when, and by what. Rows are only added.
/// </summary>
public sealed class DecisionHistoryRow : DecisionVersion
{
    /// <summary>Stored in <see cref="ReplacedByChange"/> when the decision was recorded again (and every version kept before the column existed).</summary>
    public const string ByDecision = "decision";

    /// <summary>Stored in <see cref="ReplacedByChange"/> when a new outcome was recorded for the decision's action.</summary>
    public const string ByOutcome = "outcome";

    public Guid Id { get; set; }

    /// <summary>The <see cref="DecisionRow.Id"/> of the decision this version was replaced in.</summary>
    public Guid DecisionId { get; set; }

    public DateTime ReplacedAt { get; set; }
    public string ReplacedBy { get; set; } = "";
    public string ReplacedBySubject { get; set; } = "";

    /// <summary><see cref="ByDecision"/> or <see cref="ByOutcome"/>: what the group changed when this version was replaced.</summary>
    public string ReplacedByChange { get; set; } = "";
}

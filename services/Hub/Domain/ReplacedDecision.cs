namespace EducationHub.Hub.Domain;

/// <summary>What replaced a version of a decision: the decision recorded again, or a new outcome for its action.</summary>
public enum DecisionChange
{
    DecisionRecorded = 1,
    OutcomeRecorded = 2,
}

/// <summary>
/// A decision as it stood before the group changed it: what was decided and the outcome recorded for its action,
/// and which organisation replaced it, when, and by what (the decision recorded again, or a new outcome).
/// </summary>
public sealed record ReplacedDecision(EigDecision Decision, DateTimeOffset ReplacedAt, string ReplacedBy, DecisionChange ReplacedByChange);

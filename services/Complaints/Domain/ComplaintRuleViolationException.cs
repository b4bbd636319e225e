namespace EducationHub.Complaints.Domain;

/// <summary>
/// An operation the complaint's current state does not allow. Carries the operations that are
/// allowed now so a caller can correct itself (mapped to FAILED_PRECONDITION).
/// </summary>
public sealed class ComplaintRuleViolationException(string message, IReadOnlyList<string> allowedActions) : Exception(message)
{
    public IReadOnlyList<string> AllowedActions { get; } = allowedActions;
}

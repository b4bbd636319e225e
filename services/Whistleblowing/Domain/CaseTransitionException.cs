namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// An action that the case's current status does not allow. The gRPC layer turns it into
/// FAILED_PRECONDITION listing the statuses from which the action is allowed.
/// </summary>
public sealed class CaseTransitionException(string action, CaseStatus current, IReadOnlyList<CaseStatus> allowedFrom)
    : Exception($"Cannot {action} a case that is {current}; allowed from: {string.Join(", ", allowedFrom)}.")
{
    public string Action { get; } = action;
    public CaseStatus Current { get; } = current;
    public IReadOnlyList<CaseStatus> AllowedFrom { get; } = allowedFrom;
}

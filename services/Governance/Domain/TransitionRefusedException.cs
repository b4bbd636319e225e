namespace EducationHub.Governance.Domain;

/// <summary>
/// A lifecycle rule refused a change. Carries the transitions that ARE allowed from the current
/// status, so the API can answer FAILED_PRECONDITION with them listed.
/// </summary>
public sealed class TransitionRefusedException(string message, IReadOnlyList<string> allowed) : InvalidOperationException(message)
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}

namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// The case state machine: which status each handler action needs and leads to.
/// new → acknowledged → in triage → investigating ⇄ referred → closed; a case may be closed
/// from triage (e.g. out of scope) but never before it is acknowledged, so the reporter always
/// hears back first.
/// </summary>
public static class CaseWorkflow
{
    public static readonly IReadOnlyList<CaseStatus> AcknowledgeFrom = [CaseStatus.New];
    public static readonly IReadOnlyList<CaseStatus> BeginTriageFrom = [CaseStatus.Acknowledged];
    public static readonly IReadOnlyList<CaseStatus> RecordTriageFrom = [CaseStatus.InTriage];
    public static readonly IReadOnlyList<CaseStatus> ReferFrom = [CaseStatus.InTriage, CaseStatus.Investigating, CaseStatus.Referred];
    public static readonly IReadOnlyList<CaseStatus> CloseFrom = [CaseStatus.InTriage, CaseStatus.Investigating, CaseStatus.Referred];

    /// <summary>Statuses in which the case is still open (reporter may write, handlers may act).</summary>
    public static bool IsOpen(CaseStatus status) => status != CaseStatus.Closed;

    public static void Ensure(string action, CaseStatus current, IReadOnlyList<CaseStatus> allowedFrom)
    {
        if (!allowedFrom.Contains(current))
        {
            throw new CaseTransitionException(action, current, allowedFrom);
        }
    }
}

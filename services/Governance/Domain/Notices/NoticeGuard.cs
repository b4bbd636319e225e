namespace EducationHub.Governance.Domain.Notices;

/// <summary>Conditions a transition needs beyond being listed in the table.</summary>
public enum NoticeGuard
{
    None,
    /// <summary>Non-compliance can only be recorded once the compliance deadline has passed.</summary>
    DeadlinePassed,
    /// <summary>Superseding needs the id of the newer notice for the same school.</summary>
    SupersedingNoticeGiven,
    /// <summary>Escalation needs the intervention it escalated to (same school).</summary>
    InterventionGiven,
    /// <summary>A withdrawal must say why.</summary>
    ReasonGiven,
}

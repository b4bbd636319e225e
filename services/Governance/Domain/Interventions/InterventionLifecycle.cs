namespace EducationHub.Governance.Domain.Interventions;

public sealed record InterventionTransition(InterventionStatus From, InterventionTrigger Trigger, InterventionStatus To, InterventionGuard Guard = InterventionGuard.None);

/// <summary>The intervention lifecycle as data (see <see cref="Notices.NoticeLifecycle"/>).</summary>
public static class InterventionLifecycle
{
    public static IReadOnlyList<InterventionTransition> Transitions { get; } =
    [
        new(InterventionStatus.Proposed, InterventionTrigger.SubmitForApproval, InterventionStatus.AwaitingApproval, InterventionGuard.NeedsApproval),
        new(InterventionStatus.Proposed, InterventionTrigger.Start, InterventionStatus.Active, InterventionGuard.NoApprovalNeeded),
        new(InterventionStatus.Proposed, InterventionTrigger.Cancel, InterventionStatus.Cancelled),
        new(InterventionStatus.AwaitingApproval, InterventionTrigger.Approve, InterventionStatus.Approved),
        new(InterventionStatus.AwaitingApproval, InterventionTrigger.Reject, InterventionStatus.Rejected),
        new(InterventionStatus.AwaitingApproval, InterventionTrigger.Cancel, InterventionStatus.Cancelled),
        new(InterventionStatus.Approved, InterventionTrigger.Start, InterventionStatus.Active),
        new(InterventionStatus.Approved, InterventionTrigger.Cancel, InterventionStatus.Cancelled),
        new(InterventionStatus.Active, InterventionTrigger.End, InterventionStatus.Ended, InterventionGuard.OutcomeGiven),
    ];

    public static IEnumerable<InterventionTransition> From(InterventionStatus status) => Transitions.Where(t => t.From == status);

    public static InterventionTransition? Find(InterventionStatus from, InterventionTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Trigger == trigger);

    /// <summary>s65: an interim executive board needs the Secretary of State's consent.</summary>
    public static bool NeedsApproval(InterventionKind kind) => kind == InterventionKind.InterimExecutiveBoard;

    /// <summary>s64-s66 are local authority powers; an academy order is made by the Secretary of State.</summary>
    public static string LegalBasis(InterventionKind kind) => kind switch
    {
        InterventionKind.AdditionalGovernors => "Education and Inspections Act 2006 s64",
        InterventionKind.InterimExecutiveBoard => "Education and Inspections Act 2006 s65",
        InterventionKind.SuspendedDelegatedBudget => "Education and Inspections Act 2006 s66",
        InterventionKind.AcademyOrder => "Academies Act 2010 s4",
        _ => "unknown",
    };
}

namespace EducationHub.Governance.Domain.Interventions;

// Values mirror the proto enums one for one; a test pins that.

public enum InterventionKind
{
    Unspecified = 0,
    AdditionalGovernors = 1,
    InterimExecutiveBoard = 2,
    SuspendedDelegatedBudget = 3,
    AcademyOrder = 4,
}

public enum InterventionStatus
{
    Unspecified = 0,
    Proposed = 1,
    AwaitingApproval = 2,
    Approved = 3,
    Rejected = 4,
    Active = 5,
    Ended = 6,
    Cancelled = 7,
}

public enum InterventionTrigger
{
    Unspecified = 0,
    SubmitForApproval = 1,
    Approve = 2,
    Reject = 3,
    Start = 4,
    End = 5,
    Cancel = 6,
}

public enum InterventionGuard
{
    None,
    /// <summary>Only kinds that need the Secretary of State's consent (an IEB, s65) go through approval.</summary>
    NeedsApproval,
    /// <summary>Kinds that need approval cannot start straight from Proposed.</summary>
    NoApprovalNeeded,
    /// <summary>Ending needs an outcome.</summary>
    OutcomeGiven,
}

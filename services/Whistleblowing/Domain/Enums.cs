namespace EducationHub.Whistleblowing.Domain;

// Domain enums are independent of the proto enums (the Grpc/ layer maps them) so the stored
// values never change when the public contract evolves. Stored as strings for readable dumps.

public enum ConcernCategory
{
    Safeguarding,
    ExtremismRadicalisation,
    Governance,
    Finance,
    CurriculumNarrowing,
    StaffBullyingHarassment,
    Other,
}

public enum CaseStatus
{
    New,
    Acknowledged,
    InTriage,
    Investigating,
    Referred,
    Closed,
}

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum ReferralAgency
{
    Ofsted,
    Police,
    Lado,
    DfE,
    Other,
}

public enum Substantiation
{
    Substantiated,
    PartiallySubstantiated,
    Unsubstantiated,
    Unfounded,
    NoFinding,
}

public enum MessageAuthor
{
    Reporter,
    Handler,
}

public enum MessageKind
{
    /// <summary>Part of the two-way conversation the reporter sees.</summary>
    Conversation,
    /// <summary>The reporter added information to the original report.</summary>
    AdditionalInformation,
    /// <summary>Handlers only: never shown to the reporter.</summary>
    InternalNote,
}

public enum IdentityRequestState
{
    Pending,
    Approved,
    Refused,
}

public enum ClockKind
{
    Acknowledgement,
    Feedback,
}

/// <summary>How far a clock's reminders have gone, so each state is announced once.</summary>
public enum ReminderState
{
    None,
    DueSoon,
    Overdue,
}

/// <summary>What an idempotency key was first used for; the same key sent to another operation is refused.</summary>
public enum IdempotentOperation
{
    Report,
    Reply,
    AddInformation,
}

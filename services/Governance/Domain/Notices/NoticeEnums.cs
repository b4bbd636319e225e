namespace EducationHub.Governance.Domain.Notices;

// Values mirror the proto enums (educationhub.governance.v1) one for one; a test pins that.

public enum NoticeStatus
{
    Unspecified = 0,
    Drafted = 1,
    Issued = 2,
    RepresentationsReceived = 3,
    CompliancePeriodRunning = 4,
    Complied = 5,
    NotComplied = 6,
    EscalatedToIntervention = 7,
    Withdrawn = 8,
    Superseded = 9,
}

public enum NoticeTrigger
{
    Unspecified = 0,
    Issue = 1,
    ReceiveRepresentations = 2,
    Confirm = 3,
    RecordCompliance = 4,
    RecordNonCompliance = 5,
    Escalate = 6,
    Withdraw = 7,
    Supersede = 8,
}

public enum NoticeType
{
    Unspecified = 0,
    PerformanceStandardsAndSafety = 1,
    TeachersPayAndConditions = 2,
    SecretaryOfStateWarning = 3,
    AcademyPreWarning = 4,
    AcademyWarning = 5,
    AcademyTerminationWarning = 6,
}

public enum NoticeGround
{
    Unspecified = 0,
    LowStandards = 1,
    ManagementOrGovernanceBreakdown = 2,
    SafetyThreatened = 3,
    TeachersPayAndConditions = 4,
}

public enum Issuer
{
    Unspecified = 0,
    LocalAuthority = 1,
    SecretaryOfState = 2,
}

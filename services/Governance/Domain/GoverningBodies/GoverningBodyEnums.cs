namespace EducationHub.Governance.Domain.GoverningBodies;

// Values mirror the proto enums one for one; a test pins that.

public enum GoverningBodyKind
{
    Unspecified = 0,
    Maintained = 1,
    AcademyLocal = 2,
    Federation = 3,
}

public enum GovernorCategory
{
    Unspecified = 0,
    Parent = 1,
    Staff = 2,
    Headteacher = 3,
    LocalAuthority = 4,
    CoOpted = 5,
    Foundation = 6,
    Partnership = 7,
    Additional = 8,
    IebMember = 9,
}

public enum GoverningRole
{
    Unspecified = 0,
    Member = 1,
    Chair = 2,
    ViceChair = 3,
}

public enum ReviewKind
{
    Unspecified = 0,
    ExternalReviewOfGovernance = 1,
    SelfEvaluation = 2,
    LocalAuthorityReview = 3,
    OfstedLeadershipJudgement = 4,
}

public enum ReviewOutcome
{
    Unspecified = 0,
    Effective = 1,
    RequiresImprovement = 2,
    Ineffective = 3,
}

public enum ConcernSeverity
{
    Unspecified = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public enum ConcernSource
{
    Unspecified = 0,
    Partner = 1,
    Officer = 2,
}

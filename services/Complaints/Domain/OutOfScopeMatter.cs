namespace EducationHub.Complaints.Domain;

/// <summary>
/// Matters that have their own statutory process and must not be handled under a school's
/// complaints procedure (DfE "Best practice guidance for school complaints procedures").
/// </summary>
public enum OutOfScopeMatter
{
    None = 0,
    Admissions = 1,
    ExclusionDecision = 2,
    SenAssessment = 3,
    ChildProtection = 4,
}

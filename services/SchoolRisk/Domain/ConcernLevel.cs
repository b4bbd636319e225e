namespace EducationHub.SchoolRisk.Domain;

public enum ConcernLevel
{
    Unspecified = 0,
    None = 1,
    Low = 2,
    Medium = 3,
    High = 4,
}

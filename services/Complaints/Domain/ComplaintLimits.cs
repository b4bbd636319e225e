namespace EducationHub.Complaints.Domain;

/// <summary>Field limits shared by validation and the database schema.</summary>
public static class ComplaintLimits
{
    public const int SummaryMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 300;
    public const int RemedyMaxLength = 1000;
    public const int MaxRemedies = 20;
}

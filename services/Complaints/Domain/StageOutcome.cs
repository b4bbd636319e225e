namespace EducationHub.Complaints.Domain;

public enum StageOutcome
{
    Upheld = 1,
    PartlyUpheld = 2,
    NotUpheld = 3,
    Withdrawn = 4,
    ResolvedInformally = 5,
}

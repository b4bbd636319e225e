namespace EducationHub.Complaints.Domain;

public enum ComplainantType
{
    Parent = 1,
    Staff = 2,
    Pupil = 3,
    Public = 4,
    Councillor = 5,
}

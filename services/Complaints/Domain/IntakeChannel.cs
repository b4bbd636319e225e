namespace EducationHub.Complaints.Domain;

public enum IntakeChannel
{
    WebForm = 1,
    Email = 2,
    Phone = 3,
    Letter = 4,
    Partner = 5,
}

namespace EducationHub.Hub.Domain.RiskList;

public enum Movement
{
    New = 1,
    Up = 2,
    Down = 3,
    Unchanged = 4,
    Left = 5,
}

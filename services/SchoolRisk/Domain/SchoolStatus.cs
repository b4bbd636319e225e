namespace EducationHub.SchoolRisk.Domain;

public enum SchoolStatus
{
    Unknown = 0,
    Open = 1,
    Closed = 2,
    Proposed = 3,
    /// <summary>GIAS "Open, but proposed to close".</summary>
    OpenProposedToClose = 4,
}

namespace EducationHub.Complaints.Domain;

/// <summary>What a complaint is about. Admissions complaints are routed to their own process on intake.</summary>
public enum ComplaintCategory
{
    Safeguarding = 1,
    SenDisability = 2,
    Bullying = 3,
    BehaviourAndExclusions = 4,
    Curriculum = 5,
    LeadershipAndGovernance = 6,
    Admissions = 7,
    StaffConduct = 8,
    Other = 9,
}

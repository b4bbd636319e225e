namespace EducationHub.Complaints.Domain;

/// <summary>
/// The stages of the DfE best-practice school complaints procedure, in order. Escalation is
/// outside the school: DfE/ESFA for academies, the DfE School Complaints Unit for maintained
/// schools, Ofsted for a qualifying complaint, or the Ombudsman where the matter is in its scope.
/// </summary>
public enum ComplaintStage
{
    Concern = 1,
    Stage1 = 2,
    Stage2 = 3,
    Escalation = 4,
}

namespace EducationHub.Complaints.Domain;

public enum EscalationBody
{
    /// <summary>Academies: DfE (formerly ESFA) checks the trust followed its procedure.</summary>
    DepartmentForEducationAcademies = 1,
    /// <summary>Maintained schools: the DfE School Complaints Unit on behalf of the Secretary of State.</summary>
    DepartmentForEducationMaintained = 2,
    /// <summary>A "qualifying complaint" about the school as a whole (Education Act 2005 s11A).</summary>
    OfstedQualifyingComplaint = 3,
    /// <summary>Local Government and Social Care Ombudsman: only LA-run matters, not a school's internal management.</summary>
    LocalGovernmentOmbudsman = 4,
}

namespace EducationHub.Complaints.Domain;

/// <summary>
/// Timescales in school days, configurable per council (section "Complaints:Timescales").
/// Defaults follow the DfE best-practice model procedure.
/// </summary>
public sealed class ComplaintTimescales
{
    public int AcknowledgeSchoolDays { get; set; } = 5;
    public int ConcernResponseSchoolDays { get; set; } = 10;
    public int Stage1ResponseSchoolDays { get; set; } = 10;
    public int Stage2ResponseSchoolDays { get; set; } = 20;
    /// <summary>Complaints must be raised within this many months of the incident unless accepted late with a reason.</summary>
    public int RaiseWithinMonths { get; set; } = 3;
    /// <summary>An extension may add at most this many school days, once per stage.</summary>
    public int MaxExtensionSchoolDays { get; set; } = 20;

    public int? ResponseDaysFor(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Concern => ConcernResponseSchoolDays,
        ComplaintStage.Stage1 => Stage1ResponseSchoolDays,
        ComplaintStage.Stage2 => Stage2ResponseSchoolDays,
        _ => null, // an external body sets its own timescale
    };
}

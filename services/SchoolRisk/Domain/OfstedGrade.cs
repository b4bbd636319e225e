namespace EducationHub.SchoolRisk.Domain;

/// <summary>
/// Every overall judgement Ofsted has used: the four-point scale (with "Satisfactory" before
/// September 2012) and the 2025 report-card scale.
/// </summary>
public enum OfstedGrade
{
    Unknown = 0,
    Outstanding = 1,
    Good = 2,
    RequiresImprovement = 3,
    Satisfactory = 4,
    Inadequate = 5,
    Exceptional = 11,
    Strong = 12,
    Expected = 13,
    NeedsAttention = 14,
    UrgentImprovement = 15,
}

public static class OfstedGrades
{
    /// <summary>
    /// Places any judgement on one 1 (best) to 4 (worst) severity scale so old and new frameworks
    /// compare: Satisfactory sits with Requires Improvement (its successor); report-card grades map
    /// Exceptional→1, Strong/Expected→2, Needs attention→3, Urgent improvement→4.
    /// </summary>
    public static int Severity(this OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding or OfstedGrade.Exceptional => 1,
        OfstedGrade.Good or OfstedGrade.Strong or OfstedGrade.Expected => 2,
        OfstedGrade.RequiresImprovement or OfstedGrade.Satisfactory or OfstedGrade.NeedsAttention => 3,
        OfstedGrade.Inadequate or OfstedGrade.UrgentImprovement => 4,
        _ => 0,
    };

    public static string Label(this OfstedGrade grade) => grade switch
    {
        OfstedGrade.RequiresImprovement => "Requires improvement",
        OfstedGrade.NeedsAttention => "Needs attention",
        OfstedGrade.UrgentImprovement => "Urgent improvement",
        _ => grade.ToString(),
    };

    public static bool TryParse(string? text, out OfstedGrade grade)
    {
        var key = new string((text ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        grade = key switch
        {
            "OUTSTANDING" or "1" => OfstedGrade.Outstanding,
            "GOOD" or "2" => OfstedGrade.Good,
            "REQUIRESIMPROVEMENT" or "3" => OfstedGrade.RequiresImprovement,
            "SATISFACTORY" => OfstedGrade.Satisfactory,
            "INADEQUATE" or "4" or "SERIOUSWEAKNESSES" or "SPECIALMEASURES" => OfstedGrade.Inadequate,
            "EXCEPTIONAL" => OfstedGrade.Exceptional,
            "STRONG" or "STRONGSTANDARD" => OfstedGrade.Strong,
            "EXPECTED" or "EXPECTEDSTANDARD" => OfstedGrade.Expected,
            "NEEDSATTENTION" => OfstedGrade.NeedsAttention,
            "URGENTIMPROVEMENT" => OfstedGrade.UrgentImprovement,
            _ => OfstedGrade.Unknown,
        };
        return grade != OfstedGrade.Unknown;
    }
}

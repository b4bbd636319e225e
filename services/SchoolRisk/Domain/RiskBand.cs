namespace EducationHub.SchoolRisk.Domain;

public enum RiskBand
{
    Low = 1,
    Medium = 2,
    High = 3,
    VeryHigh = 4,
}

public static class RiskBands
{
    public static string Label(this RiskBand band) => band == RiskBand.VeryHigh ? "Very high" : band.ToString();
}

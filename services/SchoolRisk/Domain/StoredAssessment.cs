namespace EducationHub.SchoolRisk.Domain;

/// <summary>
/// The last assessment we published for a school: kept so a re-run only publishes
/// <c>SchoolRiskAssessed</c> when the result changes materially.
/// </summary>
public sealed class StoredAssessment
{
    public int Urn { get; set; }
    public DateOnly AsOf { get; set; }
    public int Score { get; set; }
    public RiskBand Band { get; set; }
    public string ModelVersion { get; set; } = "";
    public string ReasonsJson { get; set; } = "[]";
    public DateTimeOffset AssessedAt { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// The model's weights and thresholds, loaded from a versioned JSON file: the embedded
/// <c>risk-model.v1.json</c> by default, or a council's own file (<c>SchoolRisk:ModelFile</c>).
/// The version string is stamped on every assessment, so a changed file must change it.
/// </summary>
public sealed record RiskModelSettings
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public required string Version { get; init; }
    public string Description { get; init; } = "";
    public double BaseScore { get; init; }
    public required BandThresholds Bands { get; init; }
    public required MaterialChangeRule MaterialChange { get; init; }
    public required InspectionWeights Inspection { get; init; }
    public required Ks4Weights Ks4 { get; init; }
    public required Ks2Weights Ks2 { get; init; }
    public required FinanceWeights Finance { get; init; }
    public required SignalWeights Signals { get; init; }

    public static RiskModelSettings Default { get; } = LoadEmbedded();

    public static RiskModelSettings Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    public static RiskModelSettings Parse(Stream stream, string origin)
    {
        var settings = JsonSerializer.Deserialize<RiskModelSettings>(stream, Json)
            ?? throw new InvalidDataException($"Risk model file {origin} is empty.");
        settings.Validate(origin);
        return settings;
    }

    private static RiskModelSettings LoadEmbedded()
    {
        using var stream = typeof(RiskModelSettings).Assembly.GetManifestResourceStream("EducationHub.SchoolRisk.risk-model.v1.json")
            ?? throw new InvalidOperationException("The embedded risk model risk-model.v1.json is missing.");
        return Parse(stream, "embedded risk-model.v1.json");
    }

    private void Validate(string origin)
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new InvalidDataException($"Risk model file {origin} has no version.");
        }
        if (!(Bands.Medium < Bands.High && Bands.High < Bands.VeryHigh))
        {
            throw new InvalidDataException($"Risk model file {origin}: band thresholds must increase (medium < high < veryHigh).");
        }
    }
}

public sealed record BandThresholds(int Medium, int High, int VeryHigh);

public sealed record MaterialChangeRule(int ScoreDelta);

public sealed record GradePoints(double Outstanding, double Good, double RequiresImprovement, double Inadequate);

public sealed record InspectionWeights(
    GradePoints LastGradePoints,
    double NoInspectionPoints,
    int StaleAfterYears,
    double PointsPerStaleYear,
    int StaleCapYears,
    double SafeguardingNotMetPoints);

public sealed record Ks4Weights(double WellBelowProgress8, double WellBelowPoints, double DeclineProgress8, double DeclinePoints, int MaxAgeYears);

public sealed record Ks2Weights(double WellBelowProgress, double WellBelowPoints, double DeclineProgress, double DeclinePoints, int MinCohort, int MaxAgeYears);

public sealed record FinanceWeights(double PointsPerDeficitYear, int MaxDeficitYears, double LargeDeficitShareOfIncome, double LargeDeficitPoints, int MaxAgeYears);

public sealed record ConcernPoints(double None, double Low, double Medium, double High);

public sealed record SignalWeights(int LookbackDays, ConcernPoints ConcernPoints, double AdverseOutcomePoints, double MaxTotalPoints);

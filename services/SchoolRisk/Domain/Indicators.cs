namespace EducationHub.SchoolRisk.Domain;

/// <summary>Common shape of a yearly indicator row: which school, which year, and when it became public.</summary>
public interface IYearlyIndicator
{
    int Urn { get; }
    int Year { get; }
    DateOnly PublishedOn { get; }
}

public sealed class Ks2Result : IYearlyIndicator
{
    public int Urn { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    public int? Pupils { get; set; }
    public double? ReadingProgress { get; set; }
    public double? WritingProgress { get; set; }
    public double? MathsProgress { get; set; }
    /// <summary>Percentage of pupils meeting the expected standard in reading, writing and maths.</summary>
    public double? MeetingExpectedPercent { get; set; }

    /// <summary>Mean of the available subject progress scores, or null when none were published.</summary>
    public double? AverageProgress
    {
        get
        {
            double[] values = [.. new[] { ReadingProgress, WritingProgress, MathsProgress }.Where(v => v.HasValue).Select(v => v!.Value)];
            return values.Length == 0 ? null : Math.Round(values.Average(), 2);
        }
    }
}

public sealed class Ks4Result : IYearlyIndicator
{
    public int Urn { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    public int? Pupils { get; set; }
    public double? Progress8 { get; set; }
    public double? Attainment8 { get; set; }
    /// <summary>DfE's banding text, e.g. "Well below average".</summary>
    public string? Progress8Band { get; set; }
    public double? DisadvantagedPercent { get; set; }
}

public sealed class Ks5Result : IYearlyIndicator
{
    public int Urn { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    public int? Pupils { get; set; }
    public double? AverageALevelPoints { get; set; }
    public string? AverageALevelGrade { get; set; }
}

public sealed class FinanceReturn : IYearlyIndicator
{
    public int Urn { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    public decimal Income { get; set; }
    public decimal Expenditure { get; set; }
    /// <summary>Revenue balance carried forward; negative is a deficit.</summary>
    public decimal Balance { get; set; }
}

/// <summary>Attendance and exclusions, imported when a council supplies them (not part of the open data here).</summary>
public sealed class AttendanceRecord : IYearlyIndicator
{
    public int Urn { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    public double? OverallAbsencePercent { get; set; }
    public double? PersistentAbsencePercent { get; set; }
    public int? SuspensionCount { get; set; }
    public int? PermanentExclusionCount { get; set; }
}

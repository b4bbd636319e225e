namespace EducationHub.SchoolRisk.Domain;

/// <summary>A full Ofsted inspection with an overall judgement. Known from the day it happened.</summary>
public sealed class Inspection
{
    public int Urn { get; set; }
    public DateOnly InspectedOn { get; set; }
    public OfstedGrade Grade { get; set; }
    /// <summary>Report-card inspections (2025 onwards) judge safeguarding separately: Met / Not met.</summary>
    public bool? SafeguardingMet { get; set; }

    public DateOnly PublishedOn => InspectedOn;
}

namespace EducationHub.Hub.Domain;

/// <summary>
/// One fact on a school's timeline, flattened from an integration event. Holds only what the
/// events carry (never whistleblowing content: the events do not carry it).
/// </summary>
/// <param name="SourceId">The source record: complaint, notice, intervention, case, signal, concern, campaign.</param>
/// <param name="RelatedId">Complaint campaign id; or the signal a partner signal supersedes.</param>
/// <param name="Category">Complaint/whistleblowing category, partner signal kind, intervention kind, notice type.</param>
/// <param name="Level">Severity or concern level; for risk assessments the band.</param>
/// <param name="Detail">Stage, outcome, substantiation, grounds: short machine values shown as text.</param>
/// <param name="Score">Risk score for assessments.</param>
/// <param name="Date">Notice deadline, intervention start/end, signal observed-on, assessment as-of.</param>
/// <param name="Reasons">Risk assessment reasons.</param>
/// <param name="RelatedIds">Complaint ids grouped by a campaign.</param>
public sealed record TimelineEntry(
    Guid EventId,
    int Urn,
    TimelineKind Kind,
    DateTimeOffset OccurredAt,
    string Producer,
    Guid? SourceId = null,
    Guid? RelatedId = null,
    string? Category = null,
    string? Level = null,
    string? Detail = null,
    string? Organisation = null,
    int? Score = null,
    DateOnly? Date = null,
    string? ModelVersion = null,
    IReadOnlyList<HardReason>? Reasons = null,
    IReadOnlyList<Guid>? RelatedIds = null,
    bool Flag = false);

/// <summary>A reason given by the SchoolRisk model, kept as received.</summary>
public sealed record HardReason(string Code, string Description, double Contribution);

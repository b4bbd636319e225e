namespace EducationHub.Hub.Domain.RiskList;

/// <summary>Everything a month's list is computed from; nothing else is read, so the result is reproducible.</summary>
public sealed record RiskListInputs(
    RiskMonth Month,
    DateTimeOffset EvaluatedAsOf,
    DateTimeOffset InputsCutOff,
    IReadOnlyDictionary<int, SchoolInfo> Schools,
    IReadOnlyDictionary<int, List<TimelineEntry>> Timelines,
    PreviousList? Previous,
    IReadOnlyDictionary<int, EigDecision> PreviousDecisions,
    IReadOnlyDictionary<int, EigDecision> Decisions);

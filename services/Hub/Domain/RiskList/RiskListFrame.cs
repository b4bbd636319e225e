namespace EducationHub.Hub.Domain.RiskList;

/// <summary>What a month's list is computed against besides the timelines: the month, the instants, the register and the group's decisions.</summary>
/// <param name="PreviousDecisions">Last month's decisions: agreed actions to follow up, and schools the group removed.</param>
/// <param name="Decisions">This month's decisions, shown beside each school.</param>
public sealed record RiskListFrame(
    RiskMonth Month,
    DateTimeOffset EvaluatedAsOf,
    DateTimeOffset InputsCutOff,
    IReadOnlyDictionary<int, SchoolInfo> Schools,
    IReadOnlyDictionary<int, EigDecision> PreviousDecisions,
    IReadOnlyDictionary<int, EigDecision> Decisions);

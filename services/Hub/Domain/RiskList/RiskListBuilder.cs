using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Domain.RiskList;

/// <summary>
/// Builds a month's EIG list: every school at or above the threshold, ranked, with movement
/// against last month's list (the published one when there is one), the schools that left and
/// why, current support, owner and last month's agreed actions. The work is done school by
/// school in a <see cref="RiskListAssembly"/>, so a caller can stream timelines through it
/// instead of holding every school's timeline at once.
/// </summary>
public sealed class RiskListBuilder(PriorityCalculator calculator)
{
    public PriorityModel Model => calculator.Model;

    /// <summary>The whole list from timelines already in memory.</summary>
    public MonthlyRiskList Build(RiskListInputs inputs)
    {
        var assembly = Begin(new RiskListFrame(inputs.Month, inputs.EvaluatedAsOf, inputs.InputsCutOff, inputs.Schools,
            inputs.PreviousDecisions, inputs.Decisions));
        foreach (var (urn, timeline) in inputs.Timelines) assembly.Add(urn, timeline);
        return assembly.Finish(inputs.Previous);
    }

    /// <summary>A list to be fed one school's timeline at a time, explained as the group sees it.</summary>
    public RiskListAssembly Begin(RiskListFrame frame) => new(calculator, frame, PriorityDetail.Reasons);

    /// <summary>Only the ranking (rank and priority per listed school), as the basis for next month's movement.</summary>
    public RiskListAssembly BeginRanking(RiskListFrame frame) => new(calculator, frame, PriorityDetail.Score);
}

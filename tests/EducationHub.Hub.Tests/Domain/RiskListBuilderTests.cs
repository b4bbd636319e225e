using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;

namespace EducationHub.Hub.Tests.Domain;

public class RiskListBuilderTests
{
    private static readonly RiskMonth November = RiskMonth.Parse("2026-11");
    private readonly RiskListBuilder _builder = new(new PriorityCalculator(PriorityModel.Default));

    private static SchoolInfo School(int urn, string status = "Open", params int[] predecessors) =>
        new(urn, $"School {urn}", "330", "Birmingham", "Community school", "Primary", status, null, predecessors);

    private MonthlyRiskList Build(IEnumerable<TimelineEntry> entries, IEnumerable<SchoolInfo> schools, PreviousList? previous = null,
        Dictionary<int, EigDecision>? lastDecisions = null)
    {
        var register = schools.ToDictionary(s => s.Urn);
        return _builder.Build(new RiskListInputs(November, T.Now, T.Now, register, TimelineIndex.Build(entries, register), previous,
            lastDecisions ?? [], new Dictionary<int, EigDecision>()));
    }

    [Fact]
    public void Lists_schools_at_or_above_the_threshold_ranked_by_priority()
    {
        var list = Build([T.Risk(1, 90, "High", T.Now), T.Risk(2, 59, "Medium", T.Now), T.Risk(3, 57, "Medium", T.Now), T.Risk(4, 70, "High", T.Now)],
            [School(1), School(2), School(3), School(4)]);
        Assert.Equal([1, 4, 2], list.Entries.Select(e => e.Urn));
        Assert.Equal([1, 2, 3], list.Entries.Select(e => e.Rank));
        Assert.Equal("hub-priority-2026.11-v1", list.PriorityModelVersion);
        Assert.Equal(["sr-1"], list.RiskModelVersions);
    }

    [Fact]
    public void Movement_is_measured_against_last_months_list()
    {
        var previous = new PreviousList("2026-10", true, new Dictionary<int, (int, int)> { [1] = (1, 40), [2] = (2, 55), [3] = (3, 36), [9] = (4, 40) });
        var list = Build([T.Risk(1, 90, "High", T.Now), T.Risk(2, 70, "High", T.Now), T.Risk(3, 60, "High", T.Now), T.Risk(4, 70, "High", T.Now), T.Risk(9, 20, "Low", T.Now)],
            [School(1), School(2), School(3), School(4), School(9)], previous);
        var movement = list.Entries.ToDictionary(e => e.Urn, e => e.Movement);
        Assert.Equal(Movement.Up, movement[1]);      // 40 -> 54
        Assert.Equal(Movement.Down, movement[2]);    // 55 -> 42
        Assert.Equal(Movement.Unchanged, movement[3]); // 36 -> 36
        Assert.Equal(Movement.New, movement[4]);
        var left = Assert.Single(list.Left);
        Assert.Equal(9, left.Urn);
        Assert.Equal(12, left.CurrentPriority);
        Assert.Contains("below the threshold of 35", left.Reason);
    }

    [Fact]
    public void Leaving_after_compliance_says_so()
    {
        var notice = T.Id();
        var previous = new PreviousList("2026-10", true, new Dictionary<int, (int, int)> { [5] = (1, 43) });
        var list = Build([T.Risk(5, 30, "Low", T.Now.AddDays(-100)), T.NoticeIssued(5, notice, T.Now.AddDays(-60)), T.NoticeComplied(5, notice, T.Now.AddDays(-5))],
            [School(5)], previous);
        Assert.Empty(list.Entries);
        Assert.Contains("Warning notice complied", Assert.Single(list.Left).Reason);
    }

    [Fact]
    public void A_closed_school_leaves_and_a_converted_school_carries_its_predecessors_history()
    {
        var previous = new PreviousList("2026-10", true, new Dictionary<int, (int, int)> { [7] = (1, 60) });
        var list = Build([T.Risk(7, 100, "High", T.Now.AddDays(-40)), T.NoticeIssued(8, T.Id(), T.Now)],
            [School(7, "Closed"), School(8, "Open", 7)], previous);
        var entry = Assert.Single(list.Entries);
        Assert.Equal(8, entry.Urn);
        Assert.Equal(85, entry.Priority); // predecessor's hard score 60 + open notice 25
        Assert.Contains("Now part of URN 8", Assert.Single(list.Left).Reason);
    }

    [Fact]
    public void A_remove_decision_keeps_the_school_off_unless_it_gets_worse()
    {
        var decision = new EigDecision(T.Id(), November.Previous, 1, DecisionKind.Remove, "Council", new DateOnly(2026, 10, 31), "No further action", "Council", T.Now.AddDays(-30));
        var previous = new PreviousList("2026-10", true, new Dictionary<int, (int, int)> { [1] = (1, 48), [2] = (2, 48) });
        var decisions = new Dictionary<int, EigDecision> { [1] = decision, [2] = decision with { Urn = 2 } };
        var list = Build([T.Risk(1, 80, "High", T.Now), T.Risk(2, 80, "High", T.Now), T.NoticeIssued(2, T.Id(), T.Now)],
            [School(1), School(2)], previous, decisions);
        Assert.Equal([2], list.Entries.Select(e => e.Urn));
        Assert.Contains("Removed by the group's decision in October 2026", Assert.Single(list.Left).Reason);
    }

    [Fact]
    public void Last_months_action_is_done_when_the_matching_event_follows_and_overdue_when_not()
    {
        var october = November.Previous;
        var warn = new EigDecision(T.Id(), october, 1, DecisionKind.WarningNotice, "Council", new DateOnly(2026, 11, 10), "Issue a warning notice", "Council", october.Start.AddDays(10));
        var support = warn with { Urn = 2, Kind = DecisionKind.SupportPackage, OwnerOrganisation = "School improvement partner" };
        var list = Build([T.Risk(1, 70, "High", T.Now), T.NoticeIssued(1, T.Id(), T.Now.AddDays(-3)), T.Risk(2, 70, "High", T.Now)],
            [School(1), School(2)], null, new Dictionary<int, EigDecision> { [1] = warn, [2] = support });
        var first = list.Entries.Single(e => e.Urn == 1).LastMonthActions.Single();
        Assert.True(first.Done);
        Assert.Contains("Warning notice issued", first.DoneEvidence);
        var second = list.Entries.Single(e => e.Urn == 2);
        Assert.False(second.LastMonthActions.Single().Done);
        Assert.True(second.LastMonthActions.Single().Overdue);
        Assert.Equal("School improvement partner", second.OwnerOrganisation);
    }
}

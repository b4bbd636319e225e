using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Tests.Domain;

/// <summary>
/// The calculator skips sorting when a school's timeline is already in time order (as the month
/// build reads it); a timeline in any other order must still be worded in time order.
/// </summary>
public class TimelineOrderTests
{
    private const int Urn = 100001;
    private readonly PriorityCalculator _calc = new(PriorityModel.Default);

    [Fact]
    public void A_timeline_out_of_order_is_worded_in_time_order()
    {
        var older = T.Now.AddDays(-40);
        var newer = T.Now.AddDays(-5);
        var chronological = new List<TimelineEntry> { T.Whistle(Urn, older, "high"), T.Whistle(Urn, newer, "low") };
        var reversed = Enumerable.Reverse(chronological).ToList();

        var inOrder = _calc.Calculate(Urn, chronological, T.Now, PriorityDetail.Reasons);
        var outOfOrder = _calc.Calculate(Urn, reversed, T.Now, PriorityDetail.Reasons);

        var text = Assert.Single(inOrder.Reasons, r => r.Code == "whistleblowing.concern").Text;
        Assert.True(text.IndexOf(Wording.Date(older), StringComparison.Ordinal) < text.IndexOf(Wording.Date(newer), StringComparison.Ordinal), text);
        Assert.Equal(inOrder.Reasons.Select(r => (r.Code, r.Text, r.Points, string.Join(",", r.SourceRefs))),
            outOfOrder.Reasons.Select(r => (r.Code, r.Text, r.Points, string.Join(",", r.SourceRefs))));
    }

    [Fact]
    public void Items_sorted_in_place_come_out_in_the_stable_order_OrderBy_gives()
    {
        var items = new List<(int At, string Name)> { (3, "c"), (1, "a1"), (2, "b"), (1, "a2") };

        TimeOrder.Sort(items, static i => i.At);

        Assert.Equal(["a1", "a2", "b", "c"], items.Select(i => i.Name));
    }
}

using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Tests.Domain;

public class ReasonOrderTests
{
    private const int Urn = 100001;

    [Fact]
    public void Reasons_are_ordered_by_points_then_code_then_text_whatever_order_they_were_added_in()
    {
        var at = T.Now.AddDays(-3);
        var timeline = new List<TimelineEntry>
        {
            T.Signal(Urn, at, "medium", org: "Beta"),
            T.Signal(Urn, at, "medium", org: "Alpha"),
            T.Signal(Urn, at.AddMinutes(1), "high", org: "Gamma"),
        };

        var p = new PriorityCalculator(PriorityModel.Default).Calculate(Urn, timeline, T.Now, PriorityDetail.Reasons);

        Assert.Equal(["Gamma", "Alpha", "Beta"], p.Reasons.Select(r => r.Text.Split(':')[0]));
        Assert.True(p.Reasons[0].Points > p.Reasons[1].Points);
        Assert.Equal(p.Reasons[1].Points, p.Reasons[2].Points);
    }
}

using Xunit;
using EducationHub.Complaints.Domain;
using static EducationHub.Complaints.Tests.Domain.ComplaintBuilder;

namespace EducationHub.Complaints.Tests.Domain;

public sealed class ThemeCounterTests
{
    [Fact]
    public void Counts_per_category_per_window_with_a_campaign_counted_once()
    {
        var end = new DateOnly(2026, 11, 30);
        var campaignId = Guid.NewGuid();
        var complaints = new List<Complaint>();
        for (var i = 0; i < 6; i++)
        {
            var c = Receive(Intake(category: ComplaintCategory.Curriculum, receivedOn: end.AddDays(-i), incidentOn: end.AddDays(-20)));
            c.JoinCampaign(campaignId);
            complaints.Add(c);
        }
        complaints.Add(Receive(Intake(category: ComplaintCategory.Curriculum, receivedOn: end.AddDays(-3), incidentOn: end.AddDays(-20))));
        complaints.Add(Receive(Intake(category: ComplaintCategory.Bullying, receivedOn: end.AddDays(-60), incidentOn: end.AddDays(-70))));
        complaints.Add(Receive(Intake(category: ComplaintCategory.Admissions, receivedOn: end.AddDays(-1)))); // routed: not counted
        complaints.Add(Receive(Intake(category: ComplaintCategory.Bullying, receivedOn: end.AddDays(1), incidentOn: end))); // after the end

        var themes = ThemeCounter.Count(complaints, end, [30, 90]);

        Assert.Contains(new ThemeCounter.ThemeCount(ComplaintCategory.Curriculum, 30, 7, 2), themes);
        Assert.DoesNotContain(themes, t => t.WindowDays == 30 && t.Category == ComplaintCategory.Bullying);
        Assert.Contains(new ThemeCounter.ThemeCount(ComplaintCategory.Bullying, 90, 1, 1), themes);
        Assert.DoesNotContain(themes, t => t.Category == ComplaintCategory.Admissions);
    }
}

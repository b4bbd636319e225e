using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// Recording a decision again for the same school and month keeps the version it replaces (with whether its action
/// had been marked done) and who replaced it: the school page shows what the group decided before.
/// </summary>
public class DecisionHistoryTests
{
    [Fact]
    public async Task Re_recording_a_decision_keeps_the_replaced_version_and_who_replaced_it_and_the_school_page_shows_it()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();

        var first = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Leadership support from the partner", "council");
        await DecisionCalls.OutcomeAsync(hub, done: true, "Two visits made", "council");
        var second = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.ReferOfsted, "Ask Ofsted for a monitoring visit", "ofsted");

        // The decision itself is the new one, its outcome not yet known; it keeps its id.
        Assert.Equal(first.DecisionId, second.DecisionId);
        Assert.Equal("ofsted", second.RecordedBy);
        Assert.False(second.Done);
        Assert.Equal("", second.DoneRecordedBy);

        var kept = Assert.Single(await DecisionCalls.HistoryAsync(hub));
        Assert.Equal(Guid.Parse(first.DecisionId), kept.DecisionId);
        Assert.Equal((HubHost.ThisMonth, HubHost.Urn), (kept.Month, kept.Urn));
        Assert.Equal("Leadership support from the partner", kept.Action);
        Assert.Equal((int)Pb.DecisionKind.SupportPackage, kept.Kind);
        Assert.Equal(("council", "test-user"), (kept.RecordedBy, kept.RecordedBySubject));
        Assert.True(kept.Done);
        Assert.Equal("Two visits made", kept.DoneNote);
        Assert.Equal(("ofsted", "test-user"), (kept.ReplacedBy, kept.ReplacedBySubject));
        Assert.Equal(DecisionHistoryRow.ByDecision, kept.ReplacedByChange);
        using (var scope = hub.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "decision" && (a.Action == "decision.recorded" || a.Action == "decision.replaced")));
        }

        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        var page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        var earlier = DecisionCalls.EarlierVersions(page);
        Assert.Contains("Support package: Leadership support from the partner", earlier, StringComparison.Ordinal);
        Assert.Contains("Yes: Two visits made", earlier, StringComparison.Ordinal);
        Assert.Contains("Decision replaced on ", earlier, StringComparison.Ordinal);
        Assert.Contains("by ofsted", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("Outcome replaced", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask Ofsted for a monitoring visit", earlier, StringComparison.Ordinal);
        Assert.Contains("Refer to Ofsted: Ask Ofsted for a monitoring visit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_recorded_once_has_no_earlier_versions()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.Monitor, "Keep watching", "council");

        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        var page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        Assert.Contains("Monitor: Keep watching", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Earlier versions", page, StringComparison.Ordinal);
        Assert.Empty((await DecisionCalls.ProfileAsync(hub)).ReplacedDecisions);
    }
}

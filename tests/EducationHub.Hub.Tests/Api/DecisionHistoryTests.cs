using System.Globalization;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Auth;
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
    private const string Svc = "/educationhub.hub.v1.HubService/";

    [Fact]
    public async Task Re_recording_a_decision_keeps_the_replaced_version_and_who_replaced_it_and_the_school_page_shows_it()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var first = await RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Leadership support from the partner", due, TestTokens.Issue("council", "hub.decisions.write"));
        await Call<Pb.RecordActionOutcomeRequest, Pb.Decision>(hub, "RecordActionOutcome",
            new() { Month = HubHost.ThisMonth, Urn = HubHost.Urn, Done = true, Note = "Two visits made" }, TestTokens.Issue("council", "hub.decisions.write"));
        var second = await RecordAsync(hub, Pb.DecisionKind.ReferOfsted, "Ask Ofsted for a monitoring visit", due, TestTokens.Issue("ofsted", "hub.decisions.write"));

        // The decision itself is the new one, its outcome not yet known; it keeps its id.
        Assert.Equal(first.DecisionId, second.DecisionId);
        Assert.Equal("ofsted", second.RecordedBy);
        Assert.False(second.Done);

        using (var scope = hub.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var kept = Assert.Single(await db.DecisionHistory.AsNoTracking().ToListAsync());
            Assert.Equal(Guid.Parse(first.DecisionId), kept.DecisionId);
            Assert.Equal((HubHost.ThisMonth, HubHost.Urn), (kept.Month, kept.Urn));
            Assert.Equal("Leadership support from the partner", kept.Action);
            Assert.Equal((int)Pb.DecisionKind.SupportPackage, kept.Kind);
            Assert.Equal(("council", "test-user"), (kept.RecordedBy, kept.RecordedBySubject));
            Assert.True(kept.Done);
            Assert.Equal("Two visits made", kept.DoneNote);
            Assert.Equal(("ofsted", "test-user"), (kept.ReplacedBy, kept.ReplacedBySubject));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "decision" && (a.Action == "decision.recorded" || a.Action == "decision.replaced")));
        }

        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        var page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        var earlier = page[page.IndexOf("Earlier versions of these decisions", StringComparison.Ordinal)..page.IndexOf("<h2>Timeline</h2>", StringComparison.Ordinal)];
        Assert.Contains("Support package: Leadership support from the partner", earlier, StringComparison.Ordinal);
        Assert.Contains("Yes: Two visits made", earlier, StringComparison.Ordinal);
        Assert.Contains("by ofsted", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask Ofsted for a monitoring visit", earlier, StringComparison.Ordinal);
        Assert.Contains("Refer to Ofsted: Ask Ofsted for a monitoring visit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_recorded_once_has_no_earlier_versions()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        await RecordAsync(hub, Pb.DecisionKind.Monitor, "Keep watching", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TestTokens.Issue("council", "hub.decisions.write"));

        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        var page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        Assert.Contains("Monitor: Keep watching", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Earlier versions", page, StringComparison.Ordinal);
    }

    private static Task<Pb.Decision> RecordAsync(HubHost hub, Pb.DecisionKind kind, string action, string due, string token) =>
        Call<Pb.RecordDecisionRequest, Pb.Decision>(hub, "RecordDecision",
            new() { Month = HubHost.ThisMonth, Urn = HubHost.Urn, Decision = kind, OwnerOrganisation = "Council", DueOn = due, Action = action }, token);

    private static Task<TResp> Call<TReq, TResp>(HubHost hub, string method, TReq request, string token)
        where TReq : class, Google.Protobuf.IMessage<TReq>, new() where TResp : class, Google.Protobuf.IMessage<TResp>, new() =>
        hub.Host.Client.UnaryAsync<TReq, TResp>(Svc + method, request, new CallOptions { BearerToken = token });
}

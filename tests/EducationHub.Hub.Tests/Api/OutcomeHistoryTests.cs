using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Infrastructure;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// Recording an action's outcome again keeps the outcome it replaces (done or not, the note, who recorded it) as an
/// earlier version of the decision, marked as replaced by an outcome; the first outcome replaces nothing. Every outcome,
/// done or not, says when it was recorded, kept with the version it is in and cleared when the decision is recorded again.
/// On both providers, since the kept version is a copy of the decision row made in the same save.
/// </summary>
public class OutcomeHistoryTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Recording_an_outcome_again_keeps_the_earlier_outcome_and_the_school_page_shows_it(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string?> { ["ConnectionStrings:hub"] = database.ConnectionString });
        await hub.SeedTwoSchoolsAsync();

        var decision = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Leadership support from the partner", "council");
        var first = await DecisionCalls.OutcomeAsync(hub, done: true, "Two visits made", "council");
        Assert.Empty(await DecisionCalls.HistoryAsync(hub)); // nobody had recorded an outcome: nothing to keep
        var second = await DecisionCalls.OutcomeAsync(hub, done: false, "The second visit was cancelled", "ofsted");

        Assert.Equal(decision.DecisionId, second.DecisionId);
        Assert.Equal((false, "The second visit was cancelled", "ofsted"), (second.Done, second.DoneNote, second.DoneRecordedBy));
        Assert.Null(second.DoneAt);
        // Done or not, the outcome says when it was recorded (done_at stays as it was: only when done, the same instant).
        Assert.Equal(first.DoneAt, first.OutcomeRecordedAt);
        Assert.NotNull(second.OutcomeRecordedAt);
        Assert.True(second.OutcomeRecordedAt.ToDateTimeOffset() >= first.OutcomeRecordedAt.ToDateTimeOffset());

        var kept = Assert.Single(await DecisionCalls.HistoryAsync(hub));
        Assert.Equal(Guid.Parse(decision.DecisionId), kept.DecisionId);
        Assert.Equal((HubHost.ThisMonth, HubHost.Urn, (int)Pb.DecisionKind.SupportPackage), (kept.Month, kept.Urn, kept.Kind));
        Assert.Equal("Leadership support from the partner", kept.Action);
        Assert.Equal(("council", "test-user"), (kept.RecordedBy, kept.RecordedBySubject));
        Assert.Equal((true, "Two visits made", "council"), (kept.Done, kept.DoneNote, kept.DoneRecordedBy));
        Assert.NotNull(kept.DoneAt);
        Assert.Equal(first.DoneAt.ToDateTime(), kept.DoneAt.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        Assert.NotNull(kept.OutcomeRecordedAt);
        Assert.Equal(first.OutcomeRecordedAt.ToDateTime(), kept.OutcomeRecordedAt.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(("ofsted", "test-user", DecisionHistoryRow.ByOutcome), (kept.ReplacedBy, kept.ReplacedBySubject, kept.ReplacedByChange));

        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        var page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        var earlier = DecisionCalls.EarlierVersions(page);
        var replacedOn = Wording.Date(new DateTimeOffset(DateTime.SpecifyKind(kept.ReplacedAt, DateTimeKind.Utc)));
        Assert.Contains("Support package: Leadership support from the partner", earlier, StringComparison.Ordinal);
        Assert.Contains("Yes: Two visits made <span class=\"meta\">(recorded by council, ", earlier, StringComparison.Ordinal);
        Assert.Contains($"Outcome replaced on {replacedOn} by ofsted", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("The second visit was cancelled", earlier, StringComparison.Ordinal);
        // The decision as it is now carries the outcome that replaced it, note included although it was not done.
        var current = page[page.IndexOf("<h2>Group decisions</h2>", StringComparison.Ordinal)..page.IndexOf("Earlier versions of these decisions", StringComparison.Ordinal)];
        var reportedOn = Wording.Date(second.OutcomeRecordedAt.ToDateTimeOffset());
        Assert.Contains($"No: The second visit was cancelled <span class=\"meta\">(recorded by ofsted, {reportedOn})</span>", current, StringComparison.Ordinal);

        // Over gRPC too, read back from the database: the not-done outcome's time, and the replaced one's.
        var profile = await DecisionCalls.ProfileAsync(hub);
        var stored = Assert.Single(profile.Decisions);
        Assert.Equal((false, "ofsted"), (stored.Done, stored.DoneRecordedBy));
        Assert.Null(stored.DoneAt);
        Assert.Equal(second.OutcomeRecordedAt.ToDateTime(), stored.OutcomeRecordedAt.ToDateTime(), TimeSpan.FromMilliseconds(1));
        var replaced = Assert.Single(profile.ReplacedDecisions).Decision;
        Assert.Equal(first.OutcomeRecordedAt.ToDateTime(), replaced.OutcomeRecordedAt.ToDateTime(), TimeSpan.FromMilliseconds(1));

        // Recording the decision again starts its outcome afresh, time included; the version it replaces keeps ofsted's.
        var again = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.Monitor, "Keep watching", "council");
        Assert.Null(again.OutcomeRecordedAt);
        Assert.Null(Assert.Single((await DecisionCalls.ProfileAsync(hub)).Decisions).OutcomeRecordedAt);
        var keptNotDone = (await DecisionCalls.HistoryAsync(hub))[^1];
        Assert.Equal((false, "ofsted", DecisionHistoryRow.ByDecision), (keptNotDone.Done, keptNotDone.DoneRecordedBy, keptNotDone.ReplacedByChange));
        Assert.Null(keptNotDone.DoneAt);
        Assert.NotNull(keptNotDone.OutcomeRecordedAt);
        Assert.Equal(second.OutcomeRecordedAt.ToDateTime(), keptNotDone.OutcomeRecordedAt.Value, TimeSpan.FromMilliseconds(1));
        page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        current = page[page.IndexOf("<h2>Group decisions</h2>", StringComparison.Ordinal)..page.IndexOf("Earlier versions of these decisions", StringComparison.Ordinal)];
        Assert.Contains("Monitor: Keep watching", current, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded by", current, StringComparison.Ordinal);
        Assert.Contains($"No: The second visit was cancelled <span class=\"meta\">(recorded by ofsted, {reportedOn})</span>", DecisionCalls.EarlierVersions(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_after_a_re_recorded_decision_replaces_nothing_as_the_decision_started_its_outcome_afresh()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.Monitor, "Keep watching", "council");
        await DecisionCalls.OutcomeAsync(hub, done: true, "Visited", "council");
        await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Leadership support", "rsc");
        await DecisionCalls.OutcomeAsync(hub, done: false, "Not started", "council");

        // One version only: the monitoring decision with its outcome, replaced by the new decision.
        var kept = Assert.Single(await DecisionCalls.HistoryAsync(hub));
        Assert.Equal(("Keep watching", "Visited", DecisionHistoryRow.ByDecision), (kept.Action, kept.DoneNote, kept.ReplacedByChange));
    }
}

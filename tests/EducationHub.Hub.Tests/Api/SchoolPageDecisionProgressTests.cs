using EducationHub.Contracts.V1;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// The school page says of a decision nobody has recorded an outcome for what the risk list says of last month's
/// actions (done as the timeline shows it, or overdue), and names organisations as configured, not by their claims.
/// </summary>
public sealed class SchoolPageDecisionProgressTests
{
    [Fact]
    public async Task An_unrecorded_outcome_is_judged_from_the_timeline_as_on_the_list()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string?> { ["Organisations:council"] = "Westmarch Council" });
        await hub.SeedTwoSchoolsAsync();
        var lastMonth = RiskMonth.Parse(HubHost.LastMonth);
        // Last month: a referral to the RSC due on the month's first day, with no sign of it since.
        await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.ReferRsc, "Refer to the RSC", "council", HubHost.LastMonth,
            lastMonth.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // This month: a support package, and the intervention that delivers it starts.
        await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Leadership support", "council");
        var started = DateTimeOffset.UtcNow;
        await hub.IngestAsync(new InterventionStarted(Guid.NewGuid(), started, HubHost.Urn, "governance", Guid.NewGuid(), Guid.NewGuid(),
            "additional-governors", DateOnly.FromDateTime(started.UtcDateTime), "council"));

        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        var page = await http.GetStringAsync($"/hub/schools/{HubHost.Urn}");
        var decisions = page[page.IndexOf("<h2>Group decisions</h2>", StringComparison.Ordinal)..page.IndexOf("<h2>Timeline</h2>", StringComparison.Ordinal)];

        var referral = Row(decisions, "Refer to the RSC");
        Assert.Contains(">Overdue</strong> <span class=\"meta\">(no outcome recorded)</span>", referral, StringComparison.Ordinal);
        var support = Row(decisions, "Leadership support");
        Assert.Contains($"Yes <span class=\"meta\">(Intervention started on {Wording.Date(started)} (event/", support, StringComparison.Ordinal);
        // Recorded by the organisation's configured name.
        Assert.Contains("<td>Westmarch Council</td></tr>", support, StringComparison.Ordinal);
        Assert.DoesNotContain(">council<", decisions, StringComparison.Ordinal);

        // Over gRPC: one progress per decision, in the decisions' order (the API keeps organisation claims as they are).
        var profile = await DecisionCalls.ProfileAsync(hub);
        Assert.Equal(profile.Decisions.Count, profile.DecisionProgress.Count);
        var byAction = profile.Decisions.Zip(profile.DecisionProgress).ToDictionary(p => p.First.Action, p => p.Second);
        Assert.Equal((false, true), (byAction["Refer to the RSC"].Done, byAction["Refer to the RSC"].Overdue));
        Assert.Equal((true, false), (byAction["Leadership support"].Done, byAction["Leadership support"].Overdue));
        Assert.StartsWith("Intervention started on ", byAction["Leadership support"].DoneEvidence, StringComparison.Ordinal);
        Assert.Equal("council", profile.Decisions.Single(d => d.Action == "Leadership support").RecordedBy);
    }

    private static string Row(string table, string action)
    {
        var at = table.IndexOf(action, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row for '{action}' in:\n{table}");
        var start = table.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return table[start..(table.IndexOf("</tr>", at, StringComparison.Ordinal) + 5)];
    }
}

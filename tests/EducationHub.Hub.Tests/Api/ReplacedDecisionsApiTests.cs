using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// GetSchoolProfile gives a partner the replaced versions of the school's decisions the dashboard shows
/// (<c>replaced_decisions</c>): each as it stood, outcome included, with when it was replaced, by which organisation and
/// by what change; newest month first, then the most recently replaced first.
/// </summary>
public class ReplacedDecisionsApiTests
{
    [Fact]
    public async Task The_profile_lists_replaced_decisions_and_outcomes_newest_month_first_then_latest_replaced_first()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();

        // Last month: a decision recorded again.
        var lastMonth = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.Monitor, "Keep watching", "council", HubHost.LastMonth);
        var lastMonthAgain = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Send the partner in", "rsc", HubHost.LastMonth);
        // This month: a decision with an outcome recorded again, then the new decision's outcome recorded twice.
        var thisMonth = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.SupportPackage, "Leadership support", "council");
        var visits = await DecisionCalls.OutcomeAsync(hub, done: true, "Two visits made", "council");
        var referral = await DecisionCalls.RecordAsync(hub, Pb.DecisionKind.ReferOfsted, "Ask Ofsted for a monitoring visit", "ofsted");
        var notBooked = await DecisionCalls.OutcomeAsync(hub, done: false, "Visit not booked yet", "ofsted");
        var visited = await DecisionCalls.OutcomeAsync(hub, done: true, "Monitoring visit made", "school-improvement-partner");

        var profile = await DecisionCalls.ProfileAsync(hub);

        Assert.Equal(3, profile.ReplacedDecisions.Count);
        var (outcome, decision, earlier) = (profile.ReplacedDecisions[0], profile.ReplacedDecisions[1], profile.ReplacedDecisions[2]);

        // The referral's "not booked" outcome, replaced by the partner's "done".
        Assert.Equal(Pb.DecisionChange.OutcomeRecorded, outcome.ReplacedByChange);
        Assert.Equal("school-improvement-partner", outcome.ReplacedBy);
        Assert.Equal(visited.DoneAt, outcome.ReplacedAt);
        AssertVersion(referral, outcome.Decision);
        Assert.Equal((notBooked.Done, notBooked.DoneNote, notBooked.DoneRecordedBy), (outcome.Decision.Done, outcome.Decision.DoneNote, outcome.Decision.DoneRecordedBy));
        Assert.Equal(("Visit not booked yet", "ofsted"), (outcome.Decision.DoneNote, outcome.Decision.DoneRecordedBy));
        Assert.Null(outcome.Decision.DoneAt);
        Assert.NotNull(notBooked.OutcomeRecordedAt); // not done, yet it says when it was reported, and keeps it when replaced
        Assert.Equal(notBooked.OutcomeRecordedAt, outcome.Decision.OutcomeRecordedAt);
        Assert.Null(referral.OutcomeRecordedAt); // recorded again over a decision with an outcome: starts afresh

        // The support package as it stood when Ofsted recorded the referral: done, per the council.
        Assert.Equal(Pb.DecisionChange.DecisionRecorded, decision.ReplacedByChange);
        Assert.Equal("ofsted", decision.ReplacedBy);
        Assert.Equal(referral.RecordedAt, decision.ReplacedAt);
        AssertVersion(thisMonth, decision.Decision);
        Assert.Equal((true, "Two visits made", "council"), (decision.Decision.Done, decision.Decision.DoneNote, decision.Decision.DoneRecordedBy));
        Assert.Equal(visits.DoneAt, decision.Decision.DoneAt);
        Assert.Equal(visits.OutcomeRecordedAt, decision.Decision.OutcomeRecordedAt);
        Assert.Equal(visits.DoneAt, visits.OutcomeRecordedAt);

        // Last month's first decision, never given an outcome, replaced by the RSC's.
        Assert.Equal(Pb.DecisionChange.DecisionRecorded, earlier.ReplacedByChange);
        Assert.Equal("rsc", earlier.ReplacedBy);
        Assert.Equal(lastMonthAgain.RecordedAt, earlier.ReplacedAt);
        AssertVersion(lastMonth, earlier.Decision);
        Assert.Equal((false, "", ""), (earlier.Decision.Done, earlier.Decision.DoneNote, earlier.Decision.DoneRecordedBy));
        Assert.Null(earlier.Decision.OutcomeRecordedAt);

        // The decisions themselves are as last recorded, the replaced versions separate from them.
        Assert.Equal([HubHost.ThisMonth, HubHost.LastMonth], profile.Decisions.Select(d => d.Month));
        Assert.Equal(("Ask Ofsted for a monitoring visit", "Monitoring visit made", "school-improvement-partner"),
            (profile.Decisions[0].Action, profile.Decisions[0].DoneNote, profile.Decisions[0].DoneRecordedBy));
        Assert.Equal("Send the partner in", profile.Decisions[1].Action);
        Assert.Equal(visited.OutcomeRecordedAt, profile.Decisions[0].OutcomeRecordedAt);
    }

    /// <summary>The version is the decision as <paramref name="recorded"/> returned it when it was recorded (outcome aside).</summary>
    private static void AssertVersion(Pb.Decision recorded, Pb.Decision version)
    {
        Assert.Equal(recorded.DecisionId, version.DecisionId);
        Assert.Equal((recorded.Month, recorded.Urn, recorded.Decision_), (version.Month, version.Urn, version.Decision_));
        Assert.Equal((recorded.Action, recorded.OwnerOrganisation, recorded.DueOn), (version.Action, version.OwnerOrganisation, version.DueOn));
        Assert.Equal((recorded.RecordedBy, recorded.RecordedAt), (version.RecordedBy, version.RecordedAt));
    }
}

using EducationHub.Whistleblowing.Application;
using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Tests;

public sealed class WorkflowUnitTests
{
    private static readonly DateTimeOffset Received = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_moves_through_the_statuses_and_refuses_skipping_acknowledgement()
    {
        var c = NewCase();
        Assert.Throws<CaseTransitionException>(() => c.BeginTriage());
        c.Acknowledge(Received.AddDays(2), 3);
        Assert.Equal(Received.AddDays(2).AddMonths(3), c.FeedbackDueAt);
        c.BeginTriage();
        c.RecordTriage(Received.AddDays(3), Severity.High, 100001, ConcernCategory.Governance);
        Assert.Equal((CaseStatus.Investigating, 100001, ConcernCategory.Governance), (c.Status, c.Urn, c.Category));
        c.Refer(ReferralAgency.Ofsted, null);
        c.Close(Received.AddDays(40), Substantiation.Substantiated, null);
        var refusal = Assert.Throws<CaseTransitionException>(() => c.Refer(ReferralAgency.Police, null));
        Assert.Equal(CaseStatus.Closed, refusal.Current);
        Assert.Null(c.RunningClock());
    }

    [Theory]
    [InlineData(0, ReminderState.None)]
    [InlineData(5.5, ReminderState.DueSoon)]
    [InlineData(7, ReminderState.Overdue)]
    [InlineData(30, ReminderState.Overdue)]
    public void The_acknowledgement_clock_is_due_soon_two_days_before_the_seventh_day(double daysLater, ReminderState expected)
    {
        var c = NewCase();
        var running = c.RunningClock()!.Value;
        Assert.Equal(ClockKind.Acknowledgement, running.Kind);
        Assert.Equal(expected, ClockPolicy.StateAt(running.Kind, running.DueAt, Received.AddDays(daysLater), new EducationHub.Whistleblowing.ClockOptions()));
    }

    [Fact]
    public void A_custodian_cannot_decide_twice_or_approve_their_own_request()
    {
        var request = IdentityDisclosureRequest.Open(Guid.NewGuid(), Guid.NewGuid(), "alice", "council", [1], Received);
        Assert.Throws<UnauthorizedAccessException>(() => request.Decide("alice", true, Received));
        request.Decide("carol", false, Received);
        Assert.Equal(IdentityRequestState.Refused, request.State);
        Assert.Throws<InvalidOperationException>(() => request.Decide("carol", true, Received));
    }

    private static WhistleblowingCase NewCase() =>
        WhistleblowingCase.Receive(Guid.NewGuid(), Received, ConcernCategory.Finance, null, new SealedDataKey("k", [1]), [1], null, [1], [1], TimeSpan.FromDays(7));
}

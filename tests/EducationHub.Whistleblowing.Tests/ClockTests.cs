using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>Acknowledgement within 7 days, feedback within 3 months of acknowledgement; one reminder per clock state.</summary>
public sealed class ClockTests
{
    [Fact]
    public async Task Acknowledgement_clock_goes_due_soon_then_overdue_with_one_reminder_each_then_feedback_clock_starts()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        var received = receipt.ReceivedAt.ToDateTimeOffset();

        var due = await DueAsync(wb);
        Assert.Empty(due.Overdue);
        Assert.Empty(due.DueSoon);
        Assert.Equal(0, (await MaintainAsync(wb)).RemindersPublished);

        wb.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        due = await DueAsync(wb);
        var soon = Assert.Single(due.DueSoon);
        Assert.Equal(ClockKind.Acknowledgement, soon.Clock);
        Assert.Equal(received.AddDays(7), soon.DueAt.ToDateTimeOffset());
        Assert.Empty(due.Overdue);
        Assert.Equal(1, (await MaintainAsync(wb)).RemindersPublished);
        Assert.Equal(0, (await MaintainAsync(wb)).RemindersPublished);

        wb.Clock.Advance(TimeSpan.FromDays(2));
        due = await DueAsync(wb);
        Assert.True(Assert.Single(due.Overdue).Overdue);
        Assert.Equal(1, (await MaintainAsync(wb)).RemindersPublished);
        Assert.Equal(0, (await MaintainAsync(wb)).RemindersPublished);

        var reminders = (await EventPayloadTests.OutboxAsync(wb)).Where(e => e.Type.Contains("WhistleblowingClockDue", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Contains("\"overdue\":false", reminders[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"overdue\":true", reminders[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"clock\":\"acknowledgement\"", reminders[1].Payload, StringComparison.Ordinal);

        var id = (await wb.OnlyCaseAsync()).CaseId;
        var acknowledged = await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        var ackAt = acknowledged.Summary.AcknowledgedAt.ToDateTimeOffset();
        Assert.Equal(ackAt.AddMonths(3), acknowledged.Summary.FeedbackDueBy.ToDateTimeOffset());
        due = await DueAsync(wb);
        Assert.Empty(due.Overdue);
        Assert.Empty(due.DueSoon);

        wb.Clock.Advance(TimeSpan.FromDays(85));
        Assert.Equal(ClockKind.Feedback, Assert.Single((await DueAsync(wb)).DueSoon).Clock);

        // Feedback stops the clock: nothing is due any more.
        await wb.Act("SendMessageToReporter", new SendMessageToReporterRequest { CaseId = id, Body = "We have spoken to the school.", IsFeedback = true });
        wb.Clock.Advance(TimeSpan.FromDays(30));
        due = await DueAsync(wb);
        Assert.Empty(due.Overdue);
        Assert.Empty(due.DueSoon);
    }

    private static Task<ListDueCasesResponse> DueAsync(WhistleblowingHost wb) =>
        wb.Call<ListDueCasesRequest, ListDueCasesResponse>(WhistleblowingHost.Cases + "ListDueCases", new ListDueCasesRequest(), WhistleblowingHost.HandlerToken());

    internal static Task<RunMaintenanceResponse> MaintainAsync(WhistleblowingHost wb) =>
        wb.Call<RunMaintenanceRequest, RunMaintenanceResponse>(WhistleblowingHost.Cases + "RunMaintenance", new RunMaintenanceRequest(), WhistleblowingHost.HandlerToken());
}

using EducationHub.Complaints.Application;
using EducationHub.Complaints.Domain;

namespace EducationHub.AllInOne.Demo;

/// <summary>The demo's Complaints work: intake, responses, escalations, closures and the timescale sweep.</summary>
internal static class DemoComplaintsSteps
{
    private static readonly Actor Officer = new("council", "demo-complaints-officer");

    public static Func<IServiceProvider, CancellationToken, Task> Receive(Guid id, int urn, bool academy, ComplaintCategory category, ComplaintStage stage,
        IntakeChannel channel, string summary, DateOnly receivedOn) => (sp, ct) =>
        sp.GetRequiredService<ComplaintIntake>().CreateAsync(new NewComplaint(id, urn, academy, category, ComplainantType.Parent, channel, summary,
            receivedOn.AddDays(-7), receivedOn, stage, OutOfScopeMatter.None, null, "A parent", "parent@example.org", "council"), Officer, ct);

    /// <summary>An informal concern resolved (this closes it and publishes the conclusion).</summary>
    public static Func<IServiceProvider, CancellationToken, Task> Respond(Guid id, StageOutcome outcome, DateOnly on) => (sp, ct) =>
        sp.GetRequiredService<ComplaintCommands>().RecordOutcomeAsync(id, outcome, Remedies(outcome), on, Officer, ct);

    /// <summary>
    /// A formal stage's response (dated <paramref name="answeredOn"/>; it publishes nothing) and the
    /// closure that publishes the conclusion, recorded together when the complaint is closed.
    /// </summary>
    public static Func<IServiceProvider, CancellationToken, Task> AnswerAndClose(Guid id, StageOutcome outcome, DateOnly answeredOn, DateOnly closedOn) => async (sp, ct) =>
    {
        var commands = sp.GetRequiredService<ComplaintCommands>();
        await commands.RecordOutcomeAsync(id, outcome, Remedies(outcome), answeredOn, Officer, ct);
        await commands.CloseAsync(id, closedOn, Officer, ct);
    };

    public static Func<IServiceProvider, CancellationToken, Task> AnswerAndEscalate(Guid id, StageOutcome outcome, DateOnly answeredOn, DateOnly escalatedOn) => async (sp, ct) =>
    {
        var commands = sp.GetRequiredService<ComplaintCommands>();
        await commands.RecordOutcomeAsync(id, outcome, Remedies(outcome), answeredOn, Officer, ct);
        await commands.EscalateAsync(id, escalatedOn, null, Officer, ct);
    };

    private static string[] Remedies(StageOutcome outcome) =>
        outcome is StageOutcome.Upheld or StageOutcome.PartlyUpheld ? ["Apology and a review of the school's procedure"] : [];

    public static async Task SweepAsync(IServiceProvider sp, DateOnly today, CancellationToken ct) =>
        await sp.GetRequiredService<ComplaintSweeps>().ReportBreachesAsync(today, ct);
}

using EducationHub.Whistleblowing.Application;
using EducationHub.Whistleblowing.Domain;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// The demo's Whistleblowing work: reports as the portal submits them, then a case handler
/// acknowledging, triaging and closing them, and the clock sweep.
/// </summary>
internal static class DemoWhistleblowingSteps
{
    private static readonly Actor Handler = new("demo-case-handler", "council");

    public static Func<IServiceProvider, CancellationToken, Task> Submit(DemoRef @case, int urn, string schoolName, ConcernCategory category, string whatHappened) => async (sp, ct) =>
    {
        var receipt = await sp.GetRequiredService<IntakeService>().SubmitAsync(AuditActions.System, new NewReport(urn, schoolName, category, whatHappened, "over the last term",
            "Other staff have noticed", null, null, []), ct);
        @case.Id = receipt.CaseId;
    };

    public static Func<IServiceProvider, CancellationToken, Task> Acknowledge(DemoRef @case) => (sp, ct) =>
        sp.GetRequiredService<CaseHandlingService>().AcknowledgeAsync(Handler, @case.Id, null, ct);

    public static Func<IServiceProvider, CancellationToken, Task> Triage(DemoRef @case, Severity severity) => async (sp, ct) =>
    {
        var cases = sp.GetRequiredService<CaseHandlingService>();
        await cases.BeginTriageAsync(Handler, @case.Id, ct);
        await cases.RecordTriageAsync(Handler, @case.Id, severity, null, null, ct);
    };

    public static Func<IServiceProvider, CancellationToken, Task> Close(DemoRef @case, Substantiation finding) => (sp, ct) =>
        sp.GetRequiredService<CaseHandlingService>().CloseAsync(Handler, @case.Id, finding, "Investigated by the council", "Thank you: we looked into this and have acted on what we found.", ct);

    public static async Task SweepAsync(IServiceProvider sp, CancellationToken ct) =>
        await sp.GetRequiredService<MaintenanceService>().PublishRemindersAsync(ct);
}

using EducationHub.Governance.Application;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;

namespace EducationHub.AllInOne.Demo;

/// <summary>The demo's Governance work: concerns, warning notices and their outcomes, interventions, the deadline scan.</summary>
internal static class DemoGovernanceSteps
{
    private static readonly Caller Council = new("council", "demo-governance-officer");
    private static readonly Caller Rsc = new("regional-schools-commissioner", "demo-rsc-officer");

    public static Func<IServiceProvider, CancellationToken, Task> Concern(int urn, ConcernSeverity severity, string summary) => (sp, ct) =>
        sp.GetRequiredService<GovernanceRecordsService>().RaiseConcernAsync(new RaiseConcernCommand(urn, severity, ConcernSource.Partner, summary, null), Council, ct);

    public static Func<IServiceProvider, CancellationToken, Task> IssueNotice(DemoRef notice, int urn, bool academy, IReadOnlyList<NoticeGround> grounds) => async (sp, ct) =>
    {
        var draft = new DraftNoticeCommand(urn, academy ? NoticeType.AcademyWarning : NoticeType.PerformanceStandardsAndSafety, grounds,
            academy ? Issuer.SecretaryOfState : Issuer.LocalAuthority, academy ? "Regional Schools Commissioner" : "Director of Children's Services",
            "Standards and leadership have not improved despite support", ["Submit a costed improvement plan", "Strengthen the governing board"], null);
        var issued = await sp.GetRequiredService<NoticeService>().IssueAsync(new IssueNoticeCommand(null, draft, null, null), academy ? Rsc : Council, ct);
        notice.Id = issued.Id;
    };

    public static Func<IServiceProvider, CancellationToken, Task> Notice(DemoRef notice, NoticeTrigger trigger, string note, DemoRef? intervention = null) => (sp, ct) =>
        sp.GetRequiredService<NoticeService>().TransitionAsync(new TransitionNoticeCommand(notice.Id, trigger, null, note, null, intervention?.Id), Council, ct);

    public static Func<IServiceProvider, CancellationToken, Task> StartIntervention(DemoRef intervention, int urn, InterventionKind kind, DemoRef? notice) => async (sp, ct) =>
    {
        var service = sp.GetRequiredService<InterventionService>();
        var proposed = await service.ProposeAsync(new ProposeInterventionCommand(urn, kind, "Warning notice not complied with; capacity to improve is weak",
            "Head of school improvement", "council", notice?.Id, null), Council, ct);
        intervention.Id = proposed.Id;
        if (InterventionLifecycle.NeedsApproval(kind))
        {
            await service.TransitionAsync(new TransitionInterventionCommand(proposed.Id, InterventionTrigger.SubmitForApproval, null, "Submitted to the Secretary of State", ""), Council, ct);
            await service.TransitionAsync(new TransitionInterventionCommand(proposed.Id, InterventionTrigger.Approve, null, "Approved", ""), Rsc, ct);
        }
        await service.TransitionAsync(new TransitionInterventionCommand(proposed.Id, InterventionTrigger.Start, null, "Started", ""), Council, ct);
    };

    public static Func<IServiceProvider, CancellationToken, Task> EndIntervention(DemoRef intervention, string outcome) => (sp, ct) =>
        sp.GetRequiredService<InterventionService>().TransitionAsync(new TransitionInterventionCommand(intervention.Id, InterventionTrigger.End, null, "Ended", outcome), Council, ct);

    public static async Task ScanDeadlinesAsync(IServiceProvider sp, CancellationToken ct) =>
        await sp.GetRequiredService<DeadlineMonitor>().RaisePassedDeadlinesAsync(ct);
}

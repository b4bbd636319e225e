using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Support;

/// <summary>Request builders and multi-step paths through the API, so tests read as the process they check.</summary>
public sealed class Scenario(GovernanceHost host)
{
    private static int _nextUrn = 400000;

    /// <summary>A URN no other test in the run uses.</summary>
    public static int NewUrn() => Interlocked.Increment(ref _nextUrn);

    public static Pb.DraftNoticeRequest Draft(int urn) => new()
    {
        Urn = urn,
        Type = Pb.NoticeType.PerformanceStandardsAndSafety,
        Grounds = { Pb.NoticeGround.LowStandards, Pb.NoticeGround.ManagementOrGovernanceBreakdown },
        Issuer = Pb.Issuer.LocalAuthority,
        IssuingOffice = "Test Borough Council, Director of Children's Services",
        Summary = "Key stage 2 outcomes unacceptably low for three years; governors not holding leaders to account.",
        RequiredActions = { "Commission an external review of governance", "Submit a costed improvement plan" },
    };

    public Task<Pb.Notice> DraftNotice(int urn) => host.Call<Pb.DraftNoticeRequest, Pb.Notice>("DraftNotice", Draft(urn));

    /// <summary>Issued long enough ago that the compliance deadline has passed.</summary>
    public Task<Pb.Notice> IssueNotice(int urn, string issuedOn = "2026-01-05") =>
        host.Call<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest { Draft = Draft(urn), IssuedOn = issuedOn });

    public Task<Pb.Notice> Transition(string noticeId, Pb.NoticeTrigger trigger, string note = "", string supersededBy = "", string interventionId = "") =>
        host.Call<Pb.TransitionNoticeRequest, Pb.Notice>("TransitionNotice", new Pb.TransitionNoticeRequest
        {
            NoticeId = noticeId,
            Trigger = trigger,
            Note = note,
            SupersededByNoticeId = supersededBy,
            InterventionId = interventionId,
        });

    public Task<Pb.Intervention> Propose(int urn, Pb.InterventionKind kind = Pb.InterventionKind.AdditionalGovernors, string noticeId = "") =>
        host.Call<Pb.ProposeInterventionRequest, Pb.Intervention>("ProposeIntervention", new Pb.ProposeInterventionRequest
        {
            Urn = urn,
            Kind = kind,
            Rationale = "Warning notice not complied with; governance needs strengthening.",
            ResponsibleOfficer = "A. Officer, Head of School Improvement",
            NoticeId = noticeId,
        });

    public Task<Pb.Intervention> TransitionIntervention(string id, Pb.InterventionTrigger trigger, string outcome = "") =>
        host.Call<Pb.TransitionInterventionRequest, Pb.Intervention>("TransitionIntervention", new Pb.TransitionInterventionRequest
        {
            InterventionId = id,
            Trigger = trigger,
            Outcome = outcome,
        });

    /// <summary>A notice for a fresh school, brought to <paramref name="status"/> along the normal path.</summary>
    public async Task<Pb.Notice> NoticeIn(Pb.NoticeStatus status)
    {
        var urn = NewUrn();
        if (status == Pb.NoticeStatus.Drafted)
        {
            return await DraftNotice(urn);
        }

        var notice = await IssueNotice(urn);
        switch (status)
        {
            case Pb.NoticeStatus.Issued:
                return notice;
            case Pb.NoticeStatus.RepresentationsReceived:
                return await Transition(notice.NoticeId, Pb.NoticeTrigger.ReceiveRepresentations, "Letter from the chair of governors");
            case Pb.NoticeStatus.Withdrawn:
                return await Transition(notice.NoticeId, Pb.NoticeTrigger.Withdraw, "Issued in error");
            case Pb.NoticeStatus.Superseded:
                var newer = await IssueNotice(urn);
                return await Transition(notice.NoticeId, Pb.NoticeTrigger.Supersede, supersededBy: newer.NoticeId);
        }

        notice = await Transition(notice.NoticeId, Pb.NoticeTrigger.Confirm);
        switch (status)
        {
            case Pb.NoticeStatus.CompliancePeriodRunning:
                return notice;
            case Pb.NoticeStatus.Complied:
                return await Transition(notice.NoticeId, Pb.NoticeTrigger.RecordCompliance);
        }

        notice = await Transition(notice.NoticeId, Pb.NoticeTrigger.RecordNonCompliance);
        if (status == Pb.NoticeStatus.NotComplied)
        {
            return notice;
        }

        var intervention = await Propose(urn, noticeId: notice.NoticeId);
        return await Transition(notice.NoticeId, Pb.NoticeTrigger.Escalate, interventionId: intervention.InterventionId);
    }

    /// <summary>An intervention of <paramref name="kind"/> brought to <paramref name="status"/>.</summary>
    public async Task<Pb.Intervention> InterventionIn(Pb.InterventionKind kind, Pb.InterventionStatus status)
    {
        var i = await Propose(NewUrn(), kind);
        var needsApproval = kind == Pb.InterventionKind.InterimExecutiveBoard;
        Pb.InterventionTrigger[] path = status switch
        {
            Pb.InterventionStatus.Proposed => [],
            Pb.InterventionStatus.AwaitingApproval => [Pb.InterventionTrigger.SubmitForApproval],
            Pb.InterventionStatus.Approved => [Pb.InterventionTrigger.SubmitForApproval, Pb.InterventionTrigger.Approve],
            Pb.InterventionStatus.Rejected => [Pb.InterventionTrigger.SubmitForApproval, Pb.InterventionTrigger.Reject],
            Pb.InterventionStatus.Cancelled => [Pb.InterventionTrigger.Cancel],
            Pb.InterventionStatus.Active => needsApproval
                ? [Pb.InterventionTrigger.SubmitForApproval, Pb.InterventionTrigger.Approve, Pb.InterventionTrigger.Start]
                : [Pb.InterventionTrigger.Start],
            Pb.InterventionStatus.Ended => needsApproval
                ? [Pb.InterventionTrigger.SubmitForApproval, Pb.InterventionTrigger.Approve, Pb.InterventionTrigger.Start, Pb.InterventionTrigger.End]
                : [Pb.InterventionTrigger.Start, Pb.InterventionTrigger.End],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var trigger in path)
        {
            i = await TransitionIntervention(i.InterventionId, trigger, outcome: "Governance judged effective at review");
        }

        Assert.Equal(status, i.Status);
        return i;
    }
}

namespace EducationHub.Governance.Domain.Notices;

public sealed record NoticeTransition(NoticeStatus From, NoticeTrigger Trigger, NoticeStatus To, NoticeGuard Guard = NoticeGuard.None);

/// <summary>
/// The warning notice lifecycle as data: the only place transitions are defined. The API,
/// <c>GetNoticeLifecycle</c>, the docs and the table-driven tests all read this table.
/// </summary>
public static class NoticeLifecycle
{
    private static readonly NoticeStatus[] Open =
        [NoticeStatus.Issued, NoticeStatus.RepresentationsReceived, NoticeStatus.CompliancePeriodRunning];

    public static IReadOnlyList<NoticeTransition> Transitions { get; } = Build();

    public static IReadOnlyList<NoticeStatus> Terminal { get; } =
        [NoticeStatus.Complied, NoticeStatus.EscalatedToIntervention, NoticeStatus.Withdrawn, NoticeStatus.Superseded];

    /// <summary>Statuses in which the school still owes compliance (the deadline scheduler watches these).</summary>
    public static IReadOnlyList<NoticeStatus> AwaitingCompliance => Open;

    public static IEnumerable<NoticeTransition> From(NoticeStatus status) => Transitions.Where(t => t.From == status);

    public static NoticeTransition? Find(NoticeStatus from, NoticeTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Trigger == trigger);

    private static List<NoticeTransition> Build()
    {
        var table = new List<NoticeTransition>
        {
            new(NoticeStatus.Drafted, NoticeTrigger.Issue, NoticeStatus.Issued),
            // Abandoning a draft is a withdrawal too: the record and its audit trail stay.
            new(NoticeStatus.Drafted, NoticeTrigger.Withdraw, NoticeStatus.Withdrawn, NoticeGuard.ReasonGiven),
            new(NoticeStatus.Issued, NoticeTrigger.ReceiveRepresentations, NoticeStatus.RepresentationsReceived),
            new(NoticeStatus.Issued, NoticeTrigger.Confirm, NoticeStatus.CompliancePeriodRunning),
            new(NoticeStatus.RepresentationsReceived, NoticeTrigger.Confirm, NoticeStatus.CompliancePeriodRunning),
            new(NoticeStatus.CompliancePeriodRunning, NoticeTrigger.RecordNonCompliance, NoticeStatus.NotComplied, NoticeGuard.DeadlinePassed),
            new(NoticeStatus.NotComplied, NoticeTrigger.RecordCompliance, NoticeStatus.Complied),
            new(NoticeStatus.NotComplied, NoticeTrigger.Escalate, NoticeStatus.EscalatedToIntervention, NoticeGuard.InterventionGiven),
            new(NoticeStatus.NotComplied, NoticeTrigger.Withdraw, NoticeStatus.Withdrawn, NoticeGuard.ReasonGiven),
            new(NoticeStatus.NotComplied, NoticeTrigger.Supersede, NoticeStatus.Superseded, NoticeGuard.SupersedingNoticeGiven),
        };
        foreach (var status in Open)
        {
            // A school may comply early, before representations are settled.
            table.Add(new(status, NoticeTrigger.RecordCompliance, NoticeStatus.Complied));
            table.Add(new(status, NoticeTrigger.Withdraw, NoticeStatus.Withdrawn, NoticeGuard.ReasonGiven));
            table.Add(new(status, NoticeTrigger.Supersede, NoticeStatus.Superseded, NoticeGuard.SupersedingNoticeGiven));
        }

        return table;
    }
}

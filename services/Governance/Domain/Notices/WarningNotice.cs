using EducationHub.Calendar;
using NodaTime;

namespace EducationHub.Governance.Domain.Notices;

/// <summary>A warning notice and its lifecycle. Every change goes through the transition table.</summary>
public sealed class WarningNotice
{
    private WarningNotice()
    {
    }

    public Guid Id { get; private set; }
    public int Urn { get; private set; }
    public NoticeType Type { get; private set; }
    public List<NoticeGround> Grounds { get; private set; } = [];
    public Issuer Issuer { get; private set; }
    public string IssuingOffice { get; private set; } = "";
    public NoticeStatus Status { get; private set; }
    public string Summary { get; private set; } = "";
    public List<string> RequiredActions { get; private set; } = [];
    public int ComplianceWorkingDays { get; private set; }
    public LocalDate? IssuedOn { get; private set; }
    public LocalDate? ComplianceDeadline { get; private set; }

    /// <summary>Set, once, by the deadline scheduler in the same transaction as the WarningNoticeDeadlinePassed outbox row.</summary>
    public Instant? DeadlinePassedNotifiedAt { get; private set; }

    public Guid? SupersededByNoticeId { get; private set; }
    public Guid? InterventionId { get; private set; }
    public string DraftedByOrganisation { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two officers changing the same notice at once cannot both win.</summary>
    public int Version { get; private set; }
    public List<NoticeHistoryEntry> History { get; private set; } = [];
    public List<NoticeDocument> Documents { get; private set; } = [];

    public static WarningNotice Draft(
        int urn,
        NoticeType type,
        IEnumerable<NoticeGround> grounds,
        Issuer issuer,
        string issuingOffice,
        string summary,
        IEnumerable<string> requiredActions,
        int complianceWorkingDays,
        string organisation,
        Instant now) => new()
        {
            Id = Guid.NewGuid(),
            Urn = urn,
            Type = type,
            Grounds = [.. grounds.Distinct().Order()],
            Issuer = issuer,
            IssuingOffice = issuingOffice,
            Status = NoticeStatus.Drafted,
            Summary = summary,
            RequiredActions = [.. requiredActions],
            ComplianceWorkingDays = complianceWorkingDays,
            DraftedByOrganisation = organisation,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public bool AwaitingCompliance => NoticeLifecycle.AwaitingCompliance.Contains(Status);

    /// <summary>True once the whole of the deadline day has gone by in London.</summary>
    public bool DeadlinePassedOn(LocalDate today) => ComplianceDeadline is { } deadline && today > deadline;

    public IEnumerable<NoticeTransition> AllowedTransitions() => NoticeLifecycle.From(Status);

    /// <summary>Issues the notice: the compliance period starts the day after <paramref name="facts"/>.OnDate.</summary>
    public NoticeHistoryEntry Issue(NoticeTransitionFacts facts, int? complianceWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        var transition = Resolve(NoticeTrigger.Issue, facts);
        ComplianceWorkingDays = complianceWorkingDays ?? ComplianceWorkingDays;
        IssuedOn = facts.OnDate;
        ComplianceDeadline = calendar.AddWorkingDays(facts.OnDate, ComplianceWorkingDays);
        return Record(transition, facts);
    }

    /// <summary>Applies any trigger but Issue (which needs the calendar).</summary>
    public NoticeHistoryEntry Apply(NoticeTrigger trigger, NoticeTransitionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (trigger == NoticeTrigger.Issue)
        {
            throw new InvalidOperationException("Use Issue(...) to issue a notice.");
        }

        var transition = Resolve(trigger, facts);
        if (transition.Trigger == NoticeTrigger.Supersede)
        {
            SupersededByNoticeId = facts.SupersedingNoticeId;
        }

        if (transition.Trigger == NoticeTrigger.Escalate)
        {
            InterventionId = facts.InterventionId;
        }

        return Record(transition, facts);
    }

    /// <summary>Marks the deadline event as raised (the scheduler does this with a conditional update; this is for the in-memory model).</summary>
    public void MarkDeadlinePassedNotified(Instant at) => DeadlinePassedNotifiedAt ??= at;

    public void Attach(NoticeDocument document)
    {
        Documents.Add(document);
        UpdatedAt = document.UploadedAt;
        Version++;
    }

    private NoticeTransition Resolve(NoticeTrigger trigger, NoticeTransitionFacts facts)
    {
        var transition = NoticeLifecycle.Find(Status, trigger)
            ?? throw Refused($"{ProtoNames.Of(trigger)} is not allowed from {ProtoNames.Of(Status)}.");
        var failure = transition.Guard switch
        {
            NoticeGuard.DeadlinePassed when !DeadlinePassedOn(facts.Today) =>
                $"Non-compliance can only be recorded after the compliance deadline ({ComplianceDeadline:uuuu-MM-dd}) has passed.",
            NoticeGuard.SupersedingNoticeGiven when facts.SupersedingNoticeId is null =>
                "Superseding needs superseded_by_notice_id.",
            NoticeGuard.InterventionGiven when facts.InterventionId is null =>
                "Escalation needs intervention_id.",
            NoticeGuard.ReasonGiven when string.IsNullOrWhiteSpace(facts.Note) =>
                "A withdrawal needs a note giving the reason.",
            _ => null,
        };
        return failure is null ? transition : throw Refused(failure);
    }

    private TransitionRefusedException Refused(string message) =>
        new(message, [.. AllowedTransitions().Select(Describe)]);

    public static string Describe(NoticeTransition t) =>
        $"{ProtoNames.Of(t.Trigger)} -> {ProtoNames.Of(t.To)}" + (t.Guard == NoticeGuard.None ? "" : $" (requires {GuardText(t.Guard)})");

    public static string GuardText(NoticeGuard guard) => guard switch
    {
        NoticeGuard.DeadlinePassed => "the compliance deadline to have passed",
        NoticeGuard.SupersedingNoticeGiven => "superseded_by_notice_id",
        NoticeGuard.InterventionGiven => "intervention_id",
        NoticeGuard.ReasonGiven => "a note giving the reason",
        _ => "",
    };

    private NoticeHistoryEntry Record(NoticeTransition transition, NoticeTransitionFacts facts)
    {
        var entry = new NoticeHistoryEntry
        {
            Id = Guid.NewGuid(),
            NoticeId = Id,
            From = transition.From,
            Trigger = transition.Trigger,
            To = transition.To,
            OnDate = facts.OnDate,
            Note = facts.Note,
            Organisation = facts.Organisation,
            RecordedAt = facts.Now,
        };
        Status = transition.To;
        UpdatedAt = facts.Now;
        Version++;
        History.Add(entry);
        return entry;
    }
}

using NodaTime;

namespace EducationHub.Governance.Domain.Interventions;

/// <summary>A formal intervention and its lifecycle (proposal, approval where needed, start, reviews, end).</summary>
public sealed class Intervention
{
    private Intervention()
    {
    }

    public Guid Id { get; private set; }
    public int Urn { get; private set; }
    public InterventionKind Kind { get; private set; }
    public InterventionStatus Status { get; private set; }
    public string Rationale { get; private set; } = "";
    public string ResponsibleOfficer { get; private set; } = "";
    public string ResponsibleOrganisation { get; private set; } = "";
    public Guid? NoticeId { get; private set; }
    public LocalDate? ApprovedOn { get; private set; }
    public LocalDate? StartedOn { get; private set; }
    public LocalDate? EndedOn { get; private set; }
    public string Outcome { get; private set; } = "";
    public LocalDate? NextReviewOn { get; private set; }
    public string ProposedByOrganisation { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }
    public List<InterventionHistoryEntry> History { get; private set; } = [];
    public List<InterventionReview> Reviews { get; private set; } = [];

    public static Intervention Propose(
        int urn,
        InterventionKind kind,
        string rationale,
        string responsibleOfficer,
        string responsibleOrganisation,
        Guid? noticeId,
        LocalDate? nextReviewOn,
        string organisation,
        Instant now) => new()
        {
            Id = Guid.NewGuid(),
            Urn = urn,
            Kind = kind,
            Status = InterventionStatus.Proposed,
            Rationale = rationale,
            ResponsibleOfficer = responsibleOfficer,
            ResponsibleOrganisation = responsibleOrganisation,
            NoticeId = noticeId,
            NextReviewOn = nextReviewOn,
            ProposedByOrganisation = organisation,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public IEnumerable<InterventionTransition> AllowedTransitions() =>
        InterventionLifecycle.From(Status).Where(t => GuardFailure(t, outcome: "x") is null);

    public InterventionHistoryEntry Apply(InterventionTrigger trigger, LocalDate onDate, string note, string outcome, string organisation, Instant now)
    {
        var transition = InterventionLifecycle.Find(Status, trigger)
            ?? throw Refused($"{Domain.ProtoNames.Of(trigger)} is not allowed from {Domain.ProtoNames.Of(Status)}.");
        if (GuardFailure(transition, outcome) is { } failure)
        {
            throw Refused(failure);
        }

        switch (transition.To)
        {
            case InterventionStatus.Approved:
                ApprovedOn = onDate;
                break;
            case InterventionStatus.Active:
                StartedOn = onDate;
                break;
            case InterventionStatus.Ended:
                EndedOn = onDate;
                Outcome = outcome;
                NextReviewOn = null;
                break;
        }

        var entry = new InterventionHistoryEntry
        {
            Id = Guid.NewGuid(),
            InterventionId = Id,
            From = transition.From,
            Trigger = transition.Trigger,
            To = transition.To,
            OnDate = onDate,
            Note = note,
            Organisation = organisation,
            RecordedAt = now,
        };
        Status = transition.To;
        UpdatedAt = now;
        Version++;
        History.Add(entry);
        return entry;
    }

    /// <summary>Reviews are for running interventions; the next review date moves on.</summary>
    public InterventionReview RecordReview(LocalDate reviewedOn, string note, LocalDate? nextReviewOn, string organisation, Instant now)
    {
        if (Status != InterventionStatus.Active)
        {
            throw Refused($"Reviews can only be recorded while the intervention is {Domain.ProtoNames.Of(InterventionStatus.Active)}; it is {Domain.ProtoNames.Of(Status)}.");
        }

        var review = new InterventionReview
        {
            Id = Guid.NewGuid(),
            InterventionId = Id,
            ReviewedOn = reviewedOn,
            Note = note,
            Organisation = organisation,
            RecordedAt = now,
        };
        Reviews.Add(review);
        NextReviewOn = nextReviewOn;
        UpdatedAt = now;
        Version++;
        return review;
    }

    private string? GuardFailure(InterventionTransition transition, string outcome) => transition.Guard switch
    {
        InterventionGuard.NeedsApproval when !InterventionLifecycle.NeedsApproval(Kind) =>
            $"{Domain.ProtoNames.Of(Kind)} needs no approval step.",
        InterventionGuard.NoApprovalNeeded when InterventionLifecycle.NeedsApproval(Kind) =>
            $"{Domain.ProtoNames.Of(Kind)} needs the Secretary of State's approval before it starts (s65).",
        InterventionGuard.OutcomeGiven when string.IsNullOrWhiteSpace(outcome) => "Ending an intervention needs an outcome.",
        _ => null,
    };

    private TransitionRefusedException Refused(string message) =>
        new(message, [.. AllowedTransitions().Select(Describe)]);

    public static string Describe(InterventionTransition t) =>
        $"{Domain.ProtoNames.Of(t.Trigger)} -> {Domain.ProtoNames.Of(t.To)}" + (t.Guard == InterventionGuard.OutcomeGiven ? " (requires an outcome)" : "");
}

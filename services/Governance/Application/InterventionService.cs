using EducationHub.Calendar;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Infrastructure;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EducationHub.Governance.Application;

public sealed record ProposeInterventionCommand(
    int Urn,
    InterventionKind Kind,
    string Rationale,
    string ResponsibleOfficer,
    string ResponsibleOrganisation,
    Guid? NoticeId,
    LocalDate? NextReviewOn);

public sealed record TransitionInterventionCommand(Guid InterventionId, InterventionTrigger Trigger, LocalDate? OnDate, string Note, string Outcome);

/// <summary>Formal interventions: proposal, the approval step where the law needs one, start, reviews, end.</summary>
public sealed class InterventionService(GovernanceDbContext db, IClock clock)
{
    public async Task<Intervention> ProposeAsync(ProposeInterventionCommand command, Caller caller, CancellationToken ct)
    {
        var today = clock.TodayInLondon();
        if (command.NextReviewOn is { } review && review < today)
        {
            throw new FieldViolationException("next_review_on", "is in the past");
        }

        if (command.NoticeId is { } noticeId)
        {
            var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, ct)
                ?? throw new NotFoundException("notice", noticeId.ToString());
            if (notice.Urn != command.Urn)
            {
                throw new FieldViolationException("notice_id", $"is for school {notice.Urn}, not {command.Urn}");
            }
        }

        var now = clock.GetCurrentInstant();
        var intervention = Intervention.Propose(
            command.Urn,
            command.Kind,
            command.Rationale.Trim(),
            command.ResponsibleOfficer.Trim(),
            string.IsNullOrWhiteSpace(command.ResponsibleOrganisation) ? caller.Organisation : command.ResponsibleOrganisation.Trim(),
            command.NoticeId,
            command.NextReviewOn,
            caller.Organisation,
            now);
        db.Interventions.Add(intervention);
        db.Record(caller, "intervention.proposed", intervention.Id, intervention.Urn, today,
            $"{intervention.Kind} proposed ({InterventionLifecycle.LegalBasis(intervention.Kind)}); responsible officer {intervention.ResponsibleOfficer}", now);
        await db.SaveChangesAsync(ct);
        return intervention;
    }

    public async Task<Intervention> TransitionAsync(TransitionInterventionCommand command, Caller caller, CancellationToken ct)
    {
        var today = clock.TodayInLondon();
        var onDate = command.OnDate ?? today;
        if (onDate > today)
        {
            throw new FieldViolationException("on_date", $"{onDate:uuuu-MM-dd} is in the future (today is {today:uuuu-MM-dd} in London)");
        }

        var intervention = await LoadAsync(command.InterventionId, ct);
        NotBeforePreviousStep(intervention, onDate);
        var now = clock.GetCurrentInstant();
        var entry = intervention.Apply(command.Trigger, onDate, command.Note.Trim(), command.Outcome.Trim(), caller.Organisation, now);
        db.Record(caller, "intervention." + Domain.ProtoNames.Of(entry.To)["INTERVENTION_STATUS_".Length..].ToLowerInvariant(), intervention.Id, intervention.Urn, onDate,
            $"{intervention.Kind}: {entry.From} → {entry.To}" + (entry.Note.Length > 0 ? $" ({entry.Note})" : ""), now);
        if (entry.To == InterventionStatus.Active)
        {
            db.AddEvent(GovernanceEvents.Started(intervention, now));
        }
        else if (entry.To == InterventionStatus.Ended)
        {
            db.AddEvent(GovernanceEvents.Ended(intervention, now));
        }

        await db.SaveChangesAsync(ct);
        return intervention;
    }

    public async Task<Intervention> RecordReviewAsync(Guid id, LocalDate reviewedOn, string note, LocalDate? nextReviewOn, Caller caller, CancellationToken ct)
    {
        var today = clock.TodayInLondon();
        if (reviewedOn > today)
        {
            throw new FieldViolationException("reviewed_on", "is in the future");
        }

        if (nextReviewOn is { } next && next <= reviewedOn)
        {
            throw new FieldViolationException("next_review_on", "must be after reviewed_on");
        }

        var intervention = await LoadAsync(id, ct);
        if (intervention.StartedOn is { } started && reviewedOn < started)
        {
            throw new FieldViolationException("reviewed_on", $"is before the intervention started ({started:uuuu-MM-dd})");
        }

        var now = clock.GetCurrentInstant();
        intervention.RecordReview(reviewedOn, note.Trim(), nextReviewOn, caller.Organisation, now);
        db.Record(caller, "intervention.reviewed", intervention.Id, intervention.Urn, reviewedOn, $"{intervention.Kind} reviewed", now);
        await db.SaveChangesAsync(ct);
        return intervention;
    }

    public Task<Intervention> GetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IReadOnlyList<Intervention>> ListAsync(int? urn, IReadOnlyList<InterventionStatus> statuses, CancellationToken ct)
    {
        IQueryable<Intervention> q = db.Interventions.AsNoTracking().Include(i => i.History).Include(i => i.Reviews).AsSplitQuery();
        if (urn is { } u)
        {
            q = q.Where(i => i.Urn == u);
        }

        if (statuses.Count > 0)
        {
            var list = statuses.ToList();
            q = q.Where(i => list.Contains(i.Status));
        }

        return await q.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>
    /// As a notice's steps cannot precede its issue: a step cannot be dated before the intervention's
    /// latest recorded step (approval before submission, start before approval, end before start),
    /// nor an end before its latest review.
    /// </summary>
    private static void NotBeforePreviousStep(Intervention intervention, LocalDate onDate)
    {
        var previous = intervention.History.OrderBy(h => h.OnDate).LastOrDefault();
        if (previous is not null && onDate < previous.OnDate)
        {
            throw new FieldViolationException("on_date", $"is before the intervention {Describe(previous.Trigger)} ({previous.OnDate:uuuu-MM-dd})");
        }

        var review = intervention.Reviews.OrderBy(r => r.ReviewedOn).LastOrDefault();
        if (review is not null && onDate < review.ReviewedOn)
        {
            throw new FieldViolationException("on_date", $"is before the intervention's latest review ({review.ReviewedOn:uuuu-MM-dd})");
        }
    }

    private static string Describe(InterventionTrigger trigger) => trigger switch
    {
        InterventionTrigger.SubmitForApproval => "was submitted for approval",
        InterventionTrigger.Approve => "was approved",
        InterventionTrigger.Reject => "was rejected",
        InterventionTrigger.Start => "started",
        InterventionTrigger.End => "ended",
        InterventionTrigger.Cancel => "was cancelled",
        _ => "'s previous step",
    };

    private async Task<Intervention> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Interventions.Include(i => i.History).Include(i => i.Reviews).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException("intervention", id.ToString());
}

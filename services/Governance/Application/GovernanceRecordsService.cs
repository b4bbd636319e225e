using EducationHub.Calendar;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Infrastructure;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>
/// Governance reviews, governance concerns and the per-school timeline. Recording a review and raising
/// a concern only add rows (the record, its audit and timeline entries, the event) and read nothing,
/// so concurrent ones share a transaction (group commit, docs/persistence.md).
/// </summary>
public sealed class GovernanceRecordsService(GovernanceDbContext db, WriteGroupCommit<GovernanceDbContext> writes, IClock clock)
{
    public async Task<GovernanceReview> RecordReviewAsync(RecordReviewCommand command, Caller caller, CancellationToken ct)
    {
        if (command.ReviewedOn > clock.TodayInLondon())
        {
            throw new FieldViolationException("reviewed_on", "is in the future");
        }

        return await writes.SaveAsync(db, batch =>
        {
            var now = clock.GetCurrentInstant();
            var review = new GovernanceReview
            {
                Id = Guid.CreateVersion7(),
                Urn = command.Urn,
                Kind = command.Kind,
                ReviewedOn = command.ReviewedOn,
                Reviewer = command.Reviewer.Trim(),
                Outcome = command.Outcome,
                Summary = command.Summary.Trim(),
                Recommendations = [.. command.Recommendations.Select(r => r.Trim())],
                RecordedByOrganisation = caller.Organisation,
                RecordedAt = now,
            };
            batch.Reviews.Add(review);
            batch.Record(caller, "review.recorded", review.Id, review.Urn, review.ReviewedOn, $"{review.Kind}: {review.Outcome}", now);
            return review;
        }, ct);
    }

    public async Task<IReadOnlyList<GovernanceReview>> ListReviewsAsync(int urn, CancellationToken ct) =>
        (await db.Reviews.AsNoTracking().Where(r => r.Urn == urn).ToListAsync(ct)).OrderByDescending(r => r.ReviewedOn).ToList();

    public async Task<GovernanceConcern> RaiseConcernAsync(RaiseConcernCommand command, Caller caller, CancellationToken ct)
    {
        var today = clock.TodayInLondon();
        var raisedOn = command.RaisedOn ?? today;
        if (raisedOn > today)
        {
            throw new FieldViolationException("raised_on", "is in the future");
        }

        return await writes.SaveAsync(db, batch =>
        {
            var now = clock.GetCurrentInstant();
            var concern = new GovernanceConcern
            {
                Id = Guid.CreateVersion7(),
                Urn = command.Urn,
                Severity = command.Severity,
                Source = command.Source,
                Summary = command.Summary.Trim(),
                RaisedOn = raisedOn,
                RaisedByOrganisation = caller.Organisation,
                RecordedAt = now,
            };
            batch.Concerns.Add(concern);
            batch.Record(caller, "concern.raised", concern.Id, concern.Urn, raisedOn, $"{concern.Severity} governance concern raised by {concern.Source}", now);
            batch.AddEvent(GovernanceEvents.ConcernRaised(concern, now));
            return concern;
        }, ct);
    }

    public async Task<GovernanceConcern> CloseConcernAsync(Guid id, string resolution, LocalDate? closedOn, Caller caller, CancellationToken ct)
    {
        var concern = await db.Concerns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("concern", id.ToString());
        var today = clock.TodayInLondon();
        var date = closedOn ?? today;
        if (date > today || date < concern.RaisedOn)
        {
            throw new FieldViolationException("closed_on", $"must be between {concern.RaisedOn:uuuu-MM-dd} and today");
        }

        concern.Close(date, resolution.Trim(), caller.Organisation);
        db.Record(caller, "concern.closed", concern.Id, concern.Urn, date, "Governance concern closed", clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        return concern;
    }

    /// <summary>Concerns about a school's governance (they may name people): a sensitive read, audited as <c>concerns.listed</c> once per call.</summary>
    public async Task<IReadOnlyList<GovernanceConcern>> ListConcernsAsync(int? urn, bool includeClosed, Caller reader, CancellationToken ct)
    {
        IQueryable<GovernanceConcern> q = db.Concerns.AsNoTracking();
        if (urn is { } u)
        {
            q = q.Where(c => c.Urn == u);
        }

        if (!includeClosed)
        {
            q = q.Where(c => c.ClosedOn == null);
        }

        var concerns = await q.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Take(1000).ToListAsync(ct);
        db.Audit(reader.Organisation, reader.Subject, "concerns.listed", "concern", AuditEntry.SchoolFilterId(urn));
        await db.SaveChangesAsync(ct);
        return concerns;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int urn, CancellationToken ct) =>
        await db.Timeline.AsNoTracking().Where(t => t.Urn == urn).OrderBy(t => t.OccurredOn).ThenBy(t => t.Id).ToListAsync(ct);
}

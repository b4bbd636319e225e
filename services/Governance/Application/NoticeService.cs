using EducationHub.Calendar;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Governance.Infrastructure;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>Warning notices: drafting, issuing, lifecycle transitions, queries and attachments.</summary>
public sealed class NoticeService(GovernanceDbContext db, WriteGroupCommit<GovernanceDbContext> writes, IClock clock, WorkingDayCalendar calendar, IOptions<GovernanceOptions> options)
{
    public LocalDate Today => clock.TodayInLondon();

    /// <summary>A draft only adds rows (the notice, its audit and timeline entries), so concurrent drafts share a transaction (group commit).</summary>
    public Task<WarningNotice> DraftAsync(DraftNoticeCommand command, Caller caller, CancellationToken ct) =>
        writes.SaveAsync(db, batch =>
        {
            var notice = NewDraft(command, caller);
            batch.Notices.Add(notice);
            batch.Record(caller, "notice.drafted", notice.Id, notice.Urn, Today, $"{notice.Type} notice drafted", notice.CreatedAt);
            return notice;
        }, ct);

    public async Task<WarningNotice> IssueAsync(IssueNoticeCommand command, Caller caller, CancellationToken ct)
    {
        var today = Today;
        var issuedOn = NotInFuture(command.IssuedOn ?? today, today, "issued_on");
        WarningNotice notice;
        if (command.Draft is { } draft)
        {
            notice = NewDraft(draft, caller);
            db.Notices.Add(notice);
            db.Record(caller, "notice.drafted", notice.Id, notice.Urn, issuedOn, $"{notice.Type} notice drafted", notice.CreatedAt);
        }
        else
        {
            notice = await LoadAsync(command.NoticeId!.Value, ct);
        }

        var now = clock.GetCurrentInstant();
        try
        {
            notice.Issue(new NoticeTransitionFacts(issuedOn, today, caller.Organisation, now), command.ComplianceWorkingDays, calendar);
        }
        catch (CalendarOutOfRangeException ex)
        {
            throw new FieldViolationException("issued_on", ex.Message);
        }

        db.Record(caller, "notice.issued", notice.Id, notice.Urn, issuedOn,
            $"{notice.Type} notice issued ({string.Join(", ", notice.Grounds)}); comply by {notice.ComplianceDeadline:uuuu-MM-dd}", now);
        db.AddEvent(GovernanceEvents.Issued(notice, now));
        await db.SaveChangesAsync(ct);
        return notice;
    }

    public async Task<WarningNotice> TransitionAsync(TransitionNoticeCommand command, Caller caller, CancellationToken ct)
    {
        if (command.Trigger == NoticeTrigger.Issue)
        {
            return await IssueAsync(new IssueNoticeCommand(command.NoticeId, null, command.OnDate, null), caller, ct);
        }

        var today = Today;
        var onDate = NotInFuture(command.OnDate ?? today, today, "on_date");
        var notice = await LoadAsync(command.NoticeId, ct);
        if (notice.IssuedOn is { } issued && onDate < issued)
        {
            throw new FieldViolationException("on_date", $"is before the notice was issued ({issued:uuuu-MM-dd})");
        }

        if (command.Trigger == NoticeTrigger.Supersede && command.SupersededByNoticeId is { } newer)
        {
            await CheckSupersedingAsync(notice, newer, ct);
        }

        if (command.Trigger == NoticeTrigger.Escalate && command.InterventionId is { } interventionId)
        {
            var intervention = await db.Interventions.FindAsync([interventionId], ct)
                ?? throw new NotFoundException("intervention", interventionId.ToString());
            if (intervention.Urn != notice.Urn)
            {
                throw new FieldViolationException("intervention_id", $"is for school {intervention.Urn}, not {notice.Urn}");
            }
        }

        var now = clock.GetCurrentInstant();
        var entry = notice.Apply(command.Trigger, new NoticeTransitionFacts(
            onDate, today, caller.Organisation, now, command.Note.Trim(), command.SupersededByNoticeId, command.InterventionId));
        db.Record(caller, "notice." + Domain.ProtoNames.Of(entry.To)["NOTICE_STATUS_".Length..].ToLowerInvariant(), notice.Id, notice.Urn, onDate,
            $"{notice.Type} notice: {entry.From} → {entry.To}" + (entry.Note.Length > 0 ? $" ({entry.Note})" : ""), now);
        if (entry.To == NoticeStatus.Complied)
        {
            db.AddEvent(GovernanceEvents.Complied(notice, onDate, now));
        }

        await db.SaveChangesAsync(ct);
        return notice;
    }

    public Task<WarningNotice> GetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<(IReadOnlyList<WarningNotice> Notices, int? NextOffset)> ListAsync(NoticeQuery query, CancellationToken ct)
    {
        IQueryable<WarningNotice> q = db.Notices.AsNoTracking().Include(n => n.History).Include(n => n.Documents).AsSplitQuery();
        if (query.Urn is { } urn)
        {
            q = q.Where(n => n.Urn == urn);
        }

        if (query.Statuses.Count > 0)
        {
            var statuses = query.Statuses.ToList();
            q = q.Where(n => statuses.Contains(n.Status));
        }

        if (query.DueWithinDays is { } days)
        {
            var awaiting = NoticeLifecycle.AwaitingCompliance.ToList();
            LocalDate? until = Today.PlusDays(days);
            q = q.Where(n => awaiting.Contains(n.Status) && n.ComplianceDeadline != null && n.ComplianceDeadline <= until)
                .OrderBy(n => n.ComplianceDeadline).ThenBy(n => n.Id);
        }
        else
        {
            q = q.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id);
        }

        var page = await q.Skip(query.Offset).Take(query.PageSize + 1).ToListAsync(ct);
        return page.Count > query.PageSize
            ? (page.Take(query.PageSize).ToList(), query.Offset + query.PageSize)
            : (page, null);
    }

    public async Task<NoticeDocument> AttachDocumentAsync(AttachDocumentCommand command, Caller caller, CancellationToken ct)
    {
        if (command.Content.Length > options.Value.MaxDocumentBytes)
        {
            throw new FieldViolationException("content", $"is {command.Content.Length} bytes; the limit is {options.Value.MaxDocumentBytes}");
        }

        if (DocumentPolicy.CheckContent(command.ContentType, command.Content) is { } problem)
        {
            throw new FieldViolationException(DocumentPolicy.AllowedContentTypes.Contains(command.ContentType) ? "content" : "content_type", problem);
        }

        var notice = await LoadAsync(command.NoticeId, ct);
        var now = clock.GetCurrentInstant();
        var document = new NoticeDocument
        {
            Id = Guid.CreateVersion7(),
            NoticeId = notice.Id,
            FileName = command.FileName,
            ContentType = command.ContentType,
            SizeBytes = command.Content.Length,
            Sha256 = DocumentPolicy.Sha256Hex(command.Content),
            UploadedByOrganisation = caller.Organisation,
            UploadedAt = now,
        };
        notice.Attach(document);
        db.NoticeDocumentContents.Add(new NoticeDocumentContent { DocumentId = document.Id, Content = command.Content });
        db.Record(caller, "notice.document_attached", notice.Id, notice.Urn, Today, $"Document '{document.FileName}' attached (sha256 {document.Sha256[..12]}…)", now);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>A document's content (letters, reports): a sensitive read, audited as <c>document.read</c> with the reader.</summary>
    public async Task<(NoticeDocument Document, byte[] Content)> GetDocumentAsync(Guid documentId, Caller reader, CancellationToken ct)
    {
        var document = await db.NoticeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new NotFoundException("document", documentId.ToString());
        var content = await db.NoticeDocumentContents.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Content).SingleAsync(ct);
        db.Audit(reader.Organisation, reader.Subject, "document.read", "document", documentId.ToString());
        await db.SaveChangesAsync(ct);
        return (document, content);
    }

    private WarningNotice NewDraft(DraftNoticeCommand command, Caller caller) => WarningNotice.Draft(
        command.Urn,
        command.Type,
        command.Grounds,
        command.Issuer,
        command.IssuingOffice.Trim(),
        command.Summary.Trim(),
        command.RequiredActions.Select(a => a.Trim()),
        command.ComplianceWorkingDays ?? options.Value.ComplianceDays,
        caller.Organisation,
        clock.GetCurrentInstant());

    private async Task CheckSupersedingAsync(WarningNotice notice, Guid newer, CancellationToken ct)
    {
        if (newer == notice.Id)
        {
            throw new FieldViolationException("superseded_by_notice_id", "a notice cannot supersede itself");
        }

        var superseding = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == newer, ct)
            ?? throw new NotFoundException("notice", newer.ToString());
        if (superseding.Urn != notice.Urn)
        {
            throw new FieldViolationException("superseded_by_notice_id", $"is for school {superseding.Urn}, not {notice.Urn}");
        }

        if (superseding.Status is NoticeStatus.Drafted or NoticeStatus.Withdrawn)
        {
            throw new FieldViolationException("superseded_by_notice_id", "must be a notice that has been issued");
        }
    }

    private async Task<WarningNotice> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Notices.Include(n => n.History).Include(n => n.Documents).AsSplitQuery().FirstOrDefaultAsync(n => n.Id == id, ct)
        ?? throw new NotFoundException("notice", id.ToString());

    private static LocalDate NotInFuture(LocalDate date, LocalDate today, string field) =>
        date > today ? throw new FieldViolationException(field, $"{date:uuuu-MM-dd} is in the future (today is {today:uuuu-MM-dd} in London)") : date;
}

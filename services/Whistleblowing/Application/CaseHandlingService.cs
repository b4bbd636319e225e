using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// The whistleblowing team's work on cases. Every read and action is audited; events carry
/// URN, category, severity and outcome only.
/// </summary>
public sealed class CaseHandlingService(WhistleblowingDbContext db, CaseCrypto crypto, ConversationReader reader, WhistleblowingOptions options, WhistleblowingClock clock)
{
    private const string DefaultAcknowledgement =
        "Thank you for your report. We have received it and a member of the whistleblowing team is looking at it. " +
        "We will tell you how we are handling your concern within 3 months. You can add information or reply here at any time.";

    public async Task<CasePage> ListAsync(Actor actor, CaseStatus? status, string? assignedTo, int pageSize, int offset, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (!string.IsNullOrEmpty(assignedTo))
        {
            query = query.Where(c => c.AssignedTo == assignedTo);
        }

        var page = await query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Skip(offset).Take(pageSize + 1).ToListAsync(ct);
        db.Audit(actor, AuditActions.CasesListed, null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var next = page.Count > pageSize ? (offset + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new CasePage(page.Take(pageSize).ToList(), next);
    }

    public async Task<CaseDetailView> GetAsync(Actor actor, Guid caseId, CancellationToken ct)
    {
        var @case = await FindAsync(caseId, ct);
        db.Audit(actor, AuditActions.CaseRead, caseId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await DetailAsync(@case, ct);
    }

    public async Task<DueLists> DueAsync(Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Closed).ToListAsync(ct);
        var overdue = new List<DueClock>();
        var dueSoon = new List<DueClock>();
        foreach (var @case in open)
        {
            if (@case.RunningClock() is not { } running)
            {
                continue;
            }

            var state = ClockPolicy.StateAt(running.Kind, running.DueAt, now, options.Clocks);
            if (state == ReminderState.Overdue)
            {
                overdue.Add(new DueClock(@case, running.Kind, running.DueAt, true));
            }
            else if (state == ReminderState.DueSoon)
            {
                dueSoon.Add(new DueClock(@case, running.Kind, running.DueAt, false));
            }
        }

        db.Audit(actor, AuditActions.DueListed, null, now);
        await db.SaveChangesAsync(ct);
        return new DueLists([.. overdue.OrderBy(d => d.DueAt)], [.. dueSoon.OrderBy(d => d.DueAt)]);
    }

    public async Task<AttachmentDownload> AttachmentAsync(Actor actor, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        var @case = await FindAsync(caseId, ct);
        var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct)
            ?? throw new CaseNotFoundException("The attachment");
        db.Audit(actor, AuditActions.AttachmentRead, caseId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        using var cipher = crypto.Open(@case);
        var info = new AttachmentView(file.Id, cipher.DecryptText(Purpose.AttachmentName(file.Id), file.FileNameCipher), file.ContentType, file.SizeBytes);
        return new AttachmentDownload(info, cipher.Decrypt(Purpose.AttachmentContent(file.Id), file.ContentCipher));
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditLogAsync(Actor actor, Guid caseId, CancellationToken ct)
    {
        await FindAsync(caseId, ct);
        db.Audit(actor, AuditActions.AuditRead, caseId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var id = caseId.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditActions.CaseEntity && a.EntityId == id).ToListAsync(ct);
        return [.. entries.OrderBy(a => a.At).ThenBy(a => a.Id)];
    }

    public Task<CaseDetailView> AssignAsync(Actor actor, Guid caseId, string? handler, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.Assigned, (c, _) => c.Assign(handler), ct);

    public Task<CaseDetailView> AcknowledgeAsync(Actor actor, Guid caseId, string? message, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.Acknowledged, (c, now) =>
        {
            c.Acknowledge(now, options.Clocks.FeedbackMonths);
            AddHandlerMessage(actor, c, MessageKind.Conversation, string.IsNullOrWhiteSpace(message) ? DefaultAcknowledgement : message, now);
        }, ct);

    public Task<CaseDetailView> BeginTriageAsync(Actor actor, Guid caseId, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.TriageBegun, (c, _) => c.BeginTriage(), ct);

    public Task<CaseDetailView> RecordTriageAsync(Actor actor, Guid caseId, Severity severity, int? urn, ConcernCategory? category, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.Triaged, (c, now) =>
        {
            c.RecordTriage(now, severity, urn, category);
            var (id, at, producer, correlation) = EventEnvelope.New(EventNames.Producer, clock: clock);
            db.AddEvent(new WhistleblowingConcernTriaged(id, at, c.Urn, producer, correlation, c.Id, EventNames.Of(c.Category), EventNames.Of(severity)));
        }, ct);

    public Task<CaseDetailView> ReferAsync(Actor actor, Guid caseId, ReferralAgency agency, string? note, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.Referred, (c, _) =>
        {
            using var cipher = crypto.Open(c);
            c.Refer(agency, string.IsNullOrWhiteSpace(note) ? null : cipher.EncryptText(Purpose.ReferralNote, note));
        }, ct);

    public Task<CaseDetailView> CloseAsync(Actor actor, Guid caseId, Substantiation substantiation, string? outcomeSummary, string? messageToReporter, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.Closed, (c, now) =>
        {
            using (var cipher = crypto.Open(c))
            {
                c.Close(now, substantiation, string.IsNullOrWhiteSpace(outcomeSummary) ? null : cipher.EncryptText(Purpose.Outcome, outcomeSummary));
            }

            if (!string.IsNullOrWhiteSpace(messageToReporter))
            {
                AddHandlerMessage(actor, c, MessageKind.Conversation, messageToReporter, now);
                c.RecordFeedback(now);
            }

            // Only triaged cases reached the hub, so only they have a conclusion to report.
            if (c.Severity is { } severity)
            {
                var (id, at, producer, correlation) = EventEnvelope.New(EventNames.Producer, clock: clock);
                db.AddEvent(new WhistleblowingConcernConcluded(id, at, c.Urn, producer, correlation, c.Id, EventNames.Of(c.Category), EventNames.Of(severity), EventNames.Of(substantiation)));
            }
        }, ct);

    public Task<CaseDetailView> AddNoteAsync(Actor actor, Guid caseId, string body, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.NoteAdded, (c, now) => AddHandlerMessage(actor, c, MessageKind.InternalNote, body, now), ct);

    public Task<CaseDetailView> SendMessageAsync(Actor actor, Guid caseId, string body, bool isFeedback, CancellationToken ct) =>
        ActAsync(actor, caseId, AuditActions.MessageSent, (c, now) =>
        {
            AddHandlerMessage(actor, c, MessageKind.Conversation, body, now);
            if (isFeedback)
            {
                c.RecordFeedback(now);
            }
        }, ct);

    private async Task<CaseDetailView> ActAsync(Actor actor, Guid caseId, string auditAction, Action<WhistleblowingCase, DateTimeOffset> action, CancellationToken ct)
    {
        var @case = await FindAsync(caseId, ct);
        var now = clock.GetUtcNow();
        action(@case, now);
        db.Audit(actor, auditAction, caseId, now);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(@case, ct);
    }

    private void AddHandlerMessage(Actor actor, WhistleblowingCase @case, MessageKind kind, string body, DateTimeOffset now)
    {
        if (@case.IsPurged)
        {
            throw new CaseActionRefusedException("The case's content has been purged: nothing can be added.");
        }

        var id = Guid.CreateVersion7(now);
        using var cipher = crypto.Open(@case);
        db.Messages.Add(CaseMessage.FromHandler(id, @case.Id, kind, actor.Subject, now, cipher.EncryptText(Purpose.Message(id), body)));
    }

    private async Task<WhistleblowingCase> FindAsync(Guid caseId, CancellationToken ct) =>
        await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new CaseNotFoundException("The case");

    private async Task<CaseDetailView> DetailAsync(WhistleblowingCase @case, CancellationToken ct)
    {
        if (@case.IsPurged)
        {
            return new CaseDetailView(@case, null, [], [], null, null);
        }

        var messages = await reader.ReadAsync(@case, includeInternal: true, ct);
        var attachments = await reader.ReportAttachmentsAsync(@case, ct);
        using var cipher = crypto.Open(@case);
        var content = @case.ContentCipher is { } sealedContent ? ReportContent.Open(cipher, sealedContent) : null;
        return new CaseDetailView(@case, content, messages, attachments,
            @case.ReferralNoteCipher is { } note ? cipher.DecryptText(Purpose.ReferralNote, note) : null,
            @case.OutcomeSummaryCipher is { } outcome ? cipher.DecryptText(Purpose.Outcome, outcome) : null);
    }
}

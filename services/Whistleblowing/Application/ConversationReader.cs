using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Whistleblowing.Application;

/// <summary>Decrypts a case's messages and attachment names for the reporter's or a handler's view.</summary>
public sealed class ConversationReader(WhistleblowingDbContext db, CaseCrypto crypto)
{
    public async Task<ReporterConversationView> ForReporterAsync(WhistleblowingCase @case, CancellationToken ct)
    {
        var open = CaseWorkflow.IsOpen(@case.Status) && !@case.IsPurged;
        var messages = @case.IsPurged ? [] : await ReadAsync(@case, includeInternal: false, ct);
        // The reporter never learns which handler wrote: only "the whistleblowing team".
        var anonymised = messages.Select(m => m with { HandlerSubject = null }).ToList();
        return new ReporterConversationView(@case.Status, @case.ReceivedAt, @case.Category, anonymised, open);
    }

    public async Task<List<MessageView>> ReadAsync(WhistleblowingCase @case, bool includeInternal, CancellationToken ct)
    {
        var query = db.Messages.AsNoTracking().Where(m => m.CaseId == @case.Id);
        if (!includeInternal)
        {
            query = query.Where(m => m.Kind != MessageKind.InternalNote);
        }

        var messages = await query.ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.CaseId == @case.Id && a.MessageId != null)
            .Select(a => new { a.Id, a.MessageId, a.ContentType, a.SizeBytes, a.FileNameCipher }).ToListAsync(ct);
        using var cipher = crypto.Open(@case);
        return messages
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.Author, m.Kind, m.HandlerSubject, m.SentAt, cipher.DecryptText(Purpose.Message(m.Id), m.BodyCipher),
                files.Where(f => f.MessageId == m.Id)
                    .Select(f => new AttachmentView(f.Id, cipher.DecryptText(Purpose.AttachmentName(f.Id), f.FileNameCipher), f.ContentType, f.SizeBytes))
                    .ToList()))
            .ToList();
    }

    public async Task<List<AttachmentView>> ReportAttachmentsAsync(WhistleblowingCase @case, CancellationToken ct)
    {
        var files = await db.Attachments.AsNoTracking().Where(a => a.CaseId == @case.Id).ToListAsync(ct);
        using var cipher = crypto.Open(@case);
        return files.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id)
            .Select(f => new AttachmentView(f.Id, cipher.DecryptText(Purpose.AttachmentName(f.Id), f.FileNameCipher), f.ContentType, f.SizeBytes))
            .ToList();
    }
}

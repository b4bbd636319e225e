using System.Security.Cryptography;
using EducationHub.Whistleblowing.Crypto;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// What the public portal can do on a reporter's behalf: submit, and with the receipt code read
/// and continue the conversation. Nothing here logs or stores anything about the reporter's
/// connection; content is encrypted before it reaches the database. Every write is audited in its
/// own SaveChanges under the calling portal's identity (<see cref="Actor"/> from its token), with a
/// fixed verb and the case id only: the audit log outlives the purge, so no reporter data goes in.
/// Writes may carry an idempotency key, so a retried request creates nothing twice (<see cref="IdempotencyGuard"/>).
/// </summary>
public sealed class IntakeService(WhistleblowingDbContext db, CaseCrypto crypto, ConversationReader reader, WhistleblowingOptions options, WhistleblowingClock clock, ReceiptHashingQueue hashingQueue, IdempotencyGuard idempotency)
{
    /// <param name="portal">Who submits, for the audit log: the portal's token identity (the AllInOne demo passes <see cref="AuditActions.System"/>).</param>
    public Task<SubmissionReceipt> SubmitAsync(Actor portal, NewReport report, CancellationToken ct) => SubmitAsync(portal, report, idempotencyKey: null, ct);

    /// <param name="idempotencyKey">
    /// Empty for none. A repeat of the same report with the same key (within its record's lifetime) creates
    /// nothing and returns the first receipt, audited as <see cref="AuditActions.ReportReplayed"/>; the key
    /// with another report throws <see cref="IdempotencyKeyReusedException"/>. See <see cref="IdempotencyGuard"/>.
    /// </param>
    public async Task<SubmissionReceipt> SubmitAsync(Actor portal, NewReport report, string? idempotencyKey, CancellationToken ct)
    {
        using var key = IdempotencyKey.FromOptional(idempotencyKey);
        if (key is null)
        {
            var receipt = await StageReportAsync(portal, report, ct);
            await db.SaveChangesAsync(ct);
            hashingQueue.Notify();
            return receipt;
        }

        SubmissionReceipt? created = null;
        var earlier = await idempotency.SaveOnceAsync(IdempotentCall.ForReport(key, report), async () =>
        {
            created = await StageReportAsync(portal, report, ct);
            // Kept sealed under the key, so the code can be given back to a repeat but not read from the database.
            return (created.CaseId, new IdempotentReceipt(created.ReceiptCode, created.ReceivedAt, created.AcknowledgementDueAt).Seal(key));
        }, ct);
        if (earlier is null)
        {
            hashingQueue.Notify();
            return created!;
        }

        var first = IdempotentReceipt.Open(key, earlier.ResponseCipher!);
        db.Audit(portal, AuditActions.ReportReplayed, earlier.CaseId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new SubmissionReceipt(earlier.CaseId, first.Code, first.ReceivedAt, first.AcknowledgementDueAt);
    }

    /// <summary>Adds a new case, its files and its audit entry to the context, unsaved.</summary>
    private async Task<SubmissionReceipt> StageReportAsync(Actor portal, NewReport report, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Random (v4), not time-ordered: the id travels in events and must not reveal when the report was made.
        var caseId = Guid.NewGuid();
        var (code, lookup) = await NewReceiptAsync(ct);

        var (sealedKey, cipher) = crypto.NewCase(caseId);
        using (cipher)
        {
            var content = new ReportContent(report.SchoolName, report.WhatHappened, report.WhenItHappened, report.WhoElseKnows).Seal(cipher);
            var identity = string.IsNullOrWhiteSpace(report.ContactDetails) ? null : cipher.EncryptText(Purpose.Identity, report.ContactDetails);
            // The slow hashes are not computed here (they would queue every concurrent submission behind
            // them): the code and passphrase wait sealed under the data key for ReceiptHashingWorker.
            var pending = new PendingReceipt(code, string.IsNullOrEmpty(report.Passphrase) ? null : report.Passphrase).Seal(cipher);
            var @case = WhistleblowingCase.Receive(caseId, now, report.Category, report.Urn, sealedKey, content, identity, lookup, pending,
                TimeSpan.FromDays(options.Clocks.AcknowledgementDays));
            db.Cases.Add(@case);
            AttachmentWriter.AddAll(db, cipher, caseId, null, report.Attachments, now);
            db.Audit(portal, AuditActions.Reported, caseId, now);
            return new SubmissionReceipt(caseId, code, now, @case.AcknowledgementDueAt);
        }
    }

    /// <summary>
    /// Not audited, nor is <see cref="LogoutAsync"/>: a session row is authentication state, not a change
    /// to the case, and audit entries outlive the purge, so the log keeps no record of when a reporter was signed in.
    /// </summary>
    public async Task<ReporterSessionToken> LoginAsync(string code, string? passphrase, CancellationToken ct)
    {
        var @case = await AuthenticateAsync(code, passphrase, ct);
        var tokenBytes = RandomNumberGenerator.GetBytes(32);
        var session = ReporterSession.Start(SHA256.HashData(tokenBytes), @case.Id, clock.GetUtcNow(), options.Receipt.SessionIdleTimeout, options.Receipt.SessionMaximumLifetime);
        db.ReporterSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new ReporterSessionToken(Base64Url(tokenBytes), session.ExpiresAt);
    }

    public async Task LogoutAsync(string token, CancellationToken ct)
    {
        if (TryHashToken(token) is { } hash)
        {
            await db.ReporterSessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(ct);
        }
    }

    public async Task<ReporterConversationView> ReadConversationAsync(ReporterCredential credential, CancellationToken ct)
    {
        var @case = await ResolveAsync(credential, ct);
        return await reader.ForReporterAsync(@case, ct);
    }

    /// <param name="idempotencyKey">Empty for none; as for <see cref="SubmitAsync(Actor, NewReport, string?, CancellationToken)"/>: a repeat stores nothing new and returns the conversation.</param>
    public Task<ReporterConversationView> ReplyAsync(Actor portal, ReporterCredential credential, string body, IReadOnlyList<IncomingAttachment> attachments, string? idempotencyKey, CancellationToken ct) =>
        WriteAsync(portal, credential, MessageKind.Conversation, body, attachments, idempotencyKey, ct);

    public Task<ReporterConversationView> AddInformationAsync(Actor portal, ReporterCredential credential, string body, IReadOnlyList<IncomingAttachment> attachments, string? idempotencyKey, CancellationToken ct) =>
        WriteAsync(portal, credential, MessageKind.AdditionalInformation, body, attachments, idempotencyKey, ct);

    private async Task<ReporterConversationView> WriteAsync(Actor portal, ReporterCredential credential, MessageKind kind, string body, IReadOnlyList<IncomingAttachment> attachments, string? idempotencyKey, CancellationToken ct)
    {
        // The reporter proves who they are first, repeat or not: a key alone never shows a conversation.
        var @case = await ResolveAsync(credential, ct);
        using var key = IdempotencyKey.FromOptional(idempotencyKey);
        if (key is null)
        {
            StageMessage(portal, @case, kind, body, attachments);
            await db.SaveChangesAsync(ct);
            return await reader.ForReporterAsync(@case, ct);
        }

        var operation = kind == MessageKind.AdditionalInformation ? IdempotentOperation.AddInformation : IdempotentOperation.Reply;
        var call = IdempotentCall.ForMessage(key, operation, @case.Id, body, attachments);
        var earlier = await idempotency.SaveOnceAsync(call, () =>
        {
            StageMessage(portal, @case, kind, body, attachments);
            return Task.FromResult((@case.Id, (byte[]?)null));
        }, ct);
        if (earlier is not null)
        {
            // The first message is in the conversation already (even if the case has closed since): only the repeat is recorded.
            db.Audit(portal, AuditActions.MessageReplayed, @case.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return await reader.ForReporterAsync(@case, ct);
    }

    /// <summary>Adds the reporter's message, its files and its audit entry to the context, unsaved.</summary>
    private void StageMessage(Actor portal, WhistleblowingCase @case, MessageKind kind, string body, IReadOnlyList<IncomingAttachment> attachments)
    {
        if (!CaseWorkflow.IsOpen(@case.Status) || @case.IsPurged)
        {
            throw new CaseClosedException();
        }

        var now = clock.GetUtcNow();
        var messageId = Guid.CreateVersion7(now);
        using (var cipher = crypto.Open(@case))
        {
            db.Messages.Add(CaseMessage.FromReporter(messageId, @case.Id, kind, now, cipher.EncryptText(Purpose.Message(messageId), body)));
            AttachmentWriter.AddAll(db, cipher, @case.Id, messageId, attachments, now);
        }

        // One entry per message: its attachments are part of the same write.
        db.Audit(portal, kind == MessageKind.AdditionalInformation ? AuditActions.InformationAdded : AuditActions.ReporterReplied, @case.Id, now);
    }

    private async Task<WhistleblowingCase> ResolveAsync(ReporterCredential credential, CancellationToken ct)
    {
        switch (credential)
        {
            case ReporterCredential.Receipt receipt:
                return await AuthenticateAsync(receipt.Code, receipt.Passphrase, ct);
            case ReporterCredential.Session session:
                var hash = TryHashToken(session.Token) ?? throw new ReporterAuthenticationException();
                var now = clock.GetUtcNow();
                var found = await db.ReporterSessions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
                if (found is null || !found.IsActiveAt(now))
                {
                    throw new ReporterAuthenticationException();
                }

                // Idle timeout: every use moves the expiry on (never past the absolute end). A direct
                // update, so it neither joins nor waits for the caller's own SaveChanges.
                var extended = found.ExtendedExpiry(now, options.Receipt.SessionIdleTimeout);
                await db.ReporterSessions.Where(s => s.TokenHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, extended), ct);

                return await db.Cases.SingleAsync(c => c.Id == found.CaseId, ct);
            default:
                throw new ReporterAuthenticationException();
        }
    }

    /// <summary>
    /// Finds the case whether its receipt is hashed or still pending, doing the same slow work in
    /// every case (the slow index, then one passphrase derivation: real, or burnt) so the answer's
    /// timing tells nothing about whether the code exists or which state it is in.
    /// </summary>
    private async Task<WhistleblowingCase> AuthenticateAsync(string code, string? passphrase, CancellationToken ct)
    {
        var normalised = ReceiptCode.Normalise(code) ?? throw new ReporterAuthenticationException();
        // Pending lookups first, the slow index last: the worker moves a row from pending to hashed between any two
        // of these queries, never back, so the last query finds a row the earlier ones missed. In the other order a
        // login at the moment of hashing missed the row both ways and was told its correct code was wrong.
        List<byte[]> keys = [.. crypto.PendingLookup.Candidates(normalised), crypto.Receipts.IndexOf(normalised)];
        var matches = new List<WhistleblowingCase>();
        // One indexed query per key (always the same number): a byte[] list does not translate to IN on SQLite.
        foreach (var key in keys)
        {
            // The same case found as pending and then as hashed is one match (the tracked, pending-state instance).
            if (await db.Cases.SingleOrDefaultAsync(c => c.ReceiptIndex == key, ct) is { } found && !matches.Any(m => m.Id == found.Id))
            {
                matches.Add(found);
            }
        }

        // Two matches would mean two reports share a code (a 1-in-10^16/N clash the worker could not
        // have prevented): fail closed rather than show anyone the other report.
        var @case = matches.Count == 1 ? matches[0] : null;

        bool accepted;
        if (@case is { IsReceiptHashPending: true })
        {
            accepted = !@case.IsPurged && OpenPending(@case).Accepts(normalised, passphrase);
            crypto.Receipts.BurnEquivalentWork();
        }
        else if (@case?.PassphraseHash is { } expected)
        {
            // Verified even when no passphrase was given: skipping the derivation would answer faster for codes that exist.
            accepted = crypto.Receipts.VerifyPassphrase(passphrase ?? string.Empty, @case.PassphraseSalt!, expected) & !string.IsNullOrEmpty(passphrase);
        }
        else
        {
            crypto.Receipts.BurnEquivalentWork();
            accepted = @case is not null;
        }

        return accepted ? @case! : throw new ReporterAuthenticationException();
    }

    private PendingReceipt OpenPending(WhistleblowingCase @case)
    {
        using var cipher = crypto.Open(@case);
        return PendingReceipt.Open(cipher, @case.PendingReceiptCipher!);
    }

    private async Task<(string Code, byte[] Lookup)> NewReceiptAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = ReceiptCode.Generate();
            var lookup = crypto.PendingLookup.Of(code);
            // Only pending codes can be checked this cheaply; a clash with a hashed code (1 in 10^16/N)
            // is caught by the unique index when the worker stores the slow hash (see AuthenticateAsync).
            if (!await db.Cases.AnyAsync(c => c.ReceiptIndex == lookup, ct))
            {
                return (code, lookup);
            }
        }
    }

    private static byte[]? TryHashToken(string token)
    {
        try
        {
            var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4));
            return bytes.Length == 32 ? SHA256.HashData(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

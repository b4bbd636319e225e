using System.Data.Common;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Replaces a pending receipt (fast lookup + code sealed under the data key) with its slow hashes
/// (PBKDF2 index, PBKDF2 passphrase hash) and erases the sealed form. Synchronous on purpose: it
/// runs on the worker's own low-priority thread and the slow hash must stay on that thread.
/// </summary>
public sealed partial class ReceiptHashingService(WhistleblowingDbContext db, CaseCrypto crypto, ILogger<ReceiptHashingService> logger)
{
    /// <summary>Reports whose receipt is still waiting for its slow hashes.</summary>
    public int CountPending() => db.Cases.Count(c => c.ReceiptPendingSince != null);

    /// <summary>
    /// Hashes the oldest pending receipt not in <paramref name="skip"/>. Returns false when none is
    /// left. A receipt whose slow index clashes with another report's is added to
    /// <paramref name="skip"/> and left pending (logins then fail closed for that code).
    /// </summary>
    public bool HashOldest(ISet<Guid> skip)
    {
        var candidates = db.Cases.AsNoTracking()
            .Where(c => c.ReceiptPendingSince != null && c.WrappedDataKey != null)
            .OrderBy(c => c.ReceiptPendingSince)
            .Take(skip.Count + 1)
            .Select(c => new { c.Id, c.MasterKeyId, c.WrappedDataKey, c.ReceiptIndex, c.PendingReceiptCipher })
            .ToList();
        var next = candidates.FirstOrDefault(c => !skip.Contains(c.Id));
        if (next is null)
        {
            return false;
        }

        PendingReceipt pending;
        using (var cipher = crypto.Open(next.Id, new SealedDataKey(next.MasterKeyId!, next.WrappedDataKey!)))
        {
            pending = PendingReceipt.Open(cipher, next.PendingReceiptCipher!);
        }

        var index = crypto.Receipts.IndexOf(pending.Code);
        var passphrase = pending.Passphrase is null ? default((byte[] Salt, byte[] Hash)?) : crypto.Receipts.HashPassphrase(pending.Passphrase);
        var pendingLookup = next.ReceiptIndex;
        try
        {
            // Conditional on the row still holding this pending lookup: a second replica hashing the
            // same row, or a key rotation that re-keyed the lookup meanwhile, makes this update nothing
            // (and the next round picks the row up again). Not a tracked update: the case's version
            // stays, so a handler acting on the new case at this moment is not told to retry.
            db.Cases
                .Where(c => c.Id == next.Id && c.ReceiptPendingSince != null && c.ReceiptIndex == pendingLookup)
                .ExecuteUpdate(s => s
                    .SetProperty(c => c.ReceiptIndex, index)
                    .SetProperty(c => c.PassphraseSalt, passphrase.HasValue ? passphrase.Value.Salt : null)
                    .SetProperty(c => c.PassphraseHash, passphrase.HasValue ? passphrase.Value.Hash : null)
                    .SetProperty(c => c.PendingReceiptCipher, (byte[]?)null)
                    .SetProperty(c => c.ReceiptPendingSince, (DateTimeOffset?)null));
        }
        catch (DbException) when (db.Cases.Any(c => c.ReceiptIndex == index && c.Id != next.Id))
        {
            skip.Add(next.Id);
            CodeClash(logger, WhistleblowingCase.FormatReference(next.Id));
        }

        return true;
    }

    [LoggerMessage(EventId = 6110, Level = LogLevel.Error, Message = "The receipt code of whistleblowing case {Reference} hashes to another case's index (a 1-in-10^16/N clash); left pending, and logins with that code fail closed")]
    private static partial void CodeClash(ILogger logger, string reference);
}

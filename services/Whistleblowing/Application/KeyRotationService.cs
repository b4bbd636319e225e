using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Master key rotation: re-wraps every case's data key under the active master key. The content
/// is not re-encrypted (its data key does not change), so rotation is fast and can resume after
/// a failure; once it reports zero remaining, the old master key can be removed.
/// </summary>
public sealed partial class KeyRotationService(WhistleblowingDbContext db, CaseCrypto crypto, WhistleblowingClock clock, ILogger<KeyRotationService> logger)
{
    public async Task<int> RewrapAllAsync(CancellationToken ct)
    {
        var active = crypto.Keys.ActiveKeyId;
        var total = 0;
        while (true)
        {
            var batch = await db.Cases.Where(c => c.WrappedDataKey != null && c.MasterKeyId != active).OrderBy(c => c.Id).Take(100).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var now = clock.GetUtcNow();
            var pendingLookups = new List<(Guid CaseId, byte[] Old, byte[] New)>();
            foreach (var @case in batch)
            {
                if (@case.IsReceiptHashPending)
                {
                    pendingLookups.Add((@case.Id, @case.ReceiptIndex, PendingLookupUnderActiveKey(@case)));
                }

                @case.ReplaceDataKey(crypto.Keys.Rewrap(@case.DataKey));
                db.Audit(AuditActions.System, AuditActions.Rewrapped, @case.Id, now);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await RekeyPendingLookupsAsync(pendingLookups, ct);
            total += batch.Count;
        }

        Rewrapped(logger, total, active);
        return total;
    }

    private byte[] PendingLookupUnderActiveKey(WhistleblowingCase @case)
    {
        using var cipher = crypto.Open(@case);
        return crypto.PendingLookup.Of(PendingReceipt.Open(cipher, @case.PendingReceiptCipher!).Code);
    }

    /// <summary>
    /// A pending receipt's lookup is keyed under a master key too: it moves with the data key, or
    /// removing the old key would lock the reporter out until the slow hash exists. Conditional on
    /// the old lookup, so a receipt the worker hashed meanwhile keeps its slow index.
    /// </summary>
    private async Task RekeyPendingLookupsAsync(List<(Guid CaseId, byte[] Old, byte[] New)> lookups, CancellationToken ct)
    {
        foreach (var (caseId, old, rekeyed) in lookups)
        {
            await db.Cases
                .Where(c => c.Id == caseId && c.ReceiptPendingSince != null && c.ReceiptIndex == old)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceiptIndex, rekeyed), ct);
        }
    }

    public Task<int> CountNotUnderActiveKeyAsync(CancellationToken ct) =>
        db.Cases.CountAsync(c => c.WrappedDataKey != null && c.MasterKeyId != crypto.Keys.ActiveKeyId, ct);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Re-wrapped {Count} case data keys under master key {KeyId}")]
    private static partial void Rewrapped(ILogger logger, int count, string keyId);
}

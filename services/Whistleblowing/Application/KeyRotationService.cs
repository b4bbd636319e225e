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
            foreach (var @case in batch)
            {
                @case.ReplaceDataKey(crypto.Keys.Rewrap(@case.DataKey));
                db.Audit(AuditActions.System, AuditActions.Rewrapped, @case.Id, now);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }

        Rewrapped(logger, total, active);
        return total;
    }

    public Task<int> CountNotUnderActiveKeyAsync(CancellationToken ct) =>
        db.Cases.CountAsync(c => c.WrappedDataKey != null && c.MasterKeyId != crypto.Keys.ActiveKeyId, ct);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Re-wrapped {Count} case data keys under master key {KeyId}")]
    private static partial void Rewrapped(ILogger logger, int count, string keyId);
}

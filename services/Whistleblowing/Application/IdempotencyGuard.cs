using System.Security.Cryptography;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Runs a write at most once per idempotency key, across every replica: the write and its
/// <see cref="IdempotencyRecord"/> commit in one transaction, and the record's primary key (the
/// key's hash) lets only one of two concurrent first uses commit. The loser's transaction is rolled
/// back whole (nothing it staged is kept) and it answers from the winner's record instead.
/// </summary>
public sealed class IdempotencyGuard(WhistleblowingDbContext db, WhistleblowingOptions options, WhistleblowingClock clock)
{
    /// <param name="stage">
    /// Adds the write's rows to the context without saving, and says which case it created or wrote
    /// to and the answer to keep for repeats (sealed under the key), if any. Not called for a repeat.
    /// </param>
    /// <returns>
    /// Null once the staged write and its new record have committed; the earlier record when the call
    /// repeats one (nothing is staged or saved then: the caller answers from the record).
    /// </returns>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different request.</exception>
    public async Task<IdempotencyRecord?> SaveOnceAsync(IdempotentCall call, Func<Task<(Guid CaseId, byte[]? Response)>> stage, CancellationToken ct)
    {
        var hash = call.Key.Hash;
        var now = clock.GetUtcNow();
        if (await FindAsync(hash, ct) is { } earlier)
        {
            if (earlier.IsLiveAt(now))
            {
                return Matching(call, earlier);
            }

            // Expired but not yet swept: the key is free again, so this request is new.
            await db.IdempotencyRecords.Where(r => r.KeyHash == hash && r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        }

        // Staged before any transaction and saved by one SaveChanges (its own transaction), as an unkeyed write is: a
        // transaction opened first held SQLite's write lock (BEGIN IMMEDIATE) through the staging's encryption, which
        // serialised concurrent submissions (the portal benchmark fell from 958 to 351 submissions/s).
        var (caseId, response) = await stage();
        db.IdempotencyRecords.Add(IdempotencyRecord.Create(hash, call.Operation, call.Fingerprint, caseId, response, now, options.Idempotency.RecordLifetime));
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another request with this key committed first (possibly on another replica). SaveChanges rolled its own
            // transaction back, so nothing staged here was kept; the staged entities are dropped before reading the winner.
            db.ChangeTracker.Clear();
            if (await FindAsync(hash, ct) is { } winner)
            {
                return Matching(call, winner);
            }

            // No record: the violation was another index's (a receipt lookup clash), not a race on the key.
            throw;
        }
    }

    private Task<IdempotencyRecord?> FindAsync(byte[] hash, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.KeyHash == hash, ct);

    /// <summary>
    /// The earlier record when the call repeats it exactly: same operation, same case (for a message) and
    /// the same request fingerprint (compared in constant time). Anything else is a different request.
    /// </summary>
    private static IdempotencyRecord Matching(IdempotentCall call, IdempotencyRecord earlier)
    {
        var same = earlier.Operation == call.Operation
            & (call.CaseId is not { } caseId || earlier.CaseId == caseId)
            & CryptographicOperations.FixedTimeEquals(earlier.RequestFingerprint, call.Fingerprint);
        return same ? earlier : throw new IdempotencyKeyReusedException();
    }
}

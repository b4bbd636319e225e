using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// The timed duties: clock reminders (one WhistleblowingClockDue per clock and state) and
/// retention (content destroyed a configured time after closure). Safe to run concurrently
/// on several replicas: the case's version check makes the second writer fail, not duplicate.
/// </summary>
public sealed partial class MaintenanceService(WhistleblowingDbContext db, WhistleblowingOptions options, WhistleblowingClock clock, ILogger<MaintenanceService> logger)
{
    public async Task<int> PublishRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Cases.Where(c => c.Status != CaseStatus.Closed).ToListAsync(ct);
        var published = 0;
        foreach (var @case in open)
        {
            if (@case.RunningClock() is not { } running)
            {
                continue;
            }

            var state = ClockPolicy.StateAt(running.Kind, running.DueAt, now, options.Clocks);
            if (state <= running.Sent)
            {
                continue;
            }

            @case.MarkReminderSent(running.Kind, state);
            var (id, at, producer, correlation) = EventEnvelope.New(EventNames.Producer, clock: clock);
            db.AddEvent(new WhistleblowingClockDue(id, at, @case.Urn, producer, correlation, @case.Id, EventNames.Of(running.Kind), running.DueAt, state == ReminderState.Overdue));
            published++;
        }

        await db.SaveChangesAsync(ct);
        return published;
    }

    /// <summary>
    /// The sweeps run now at a partner's request (RunMaintenance). The run is audited under the
    /// caller before anything happens, and each purge it causes names the caller, not "system":
    /// destroying case content is irreversible, so the log must say who set it off.
    /// </summary>
    public async Task<(int RemindersPublished, int CasesPurged)> RunNowAsync(Actor caller, CancellationToken ct)
    {
        db.Audit(caller, AuditActions.MaintenanceRun, null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var reminders = await PublishRemindersAsync(ct);
        var purged = await PurgeExpiredAsync(caller, ct);
        await DeleteExpiredIdempotencyRecordsAsync(ct);
        return (reminders, purged);
    }

    /// <param name="by">Who the purge entries name: <see cref="AuditActions.System"/> for the timed sweep, the caller for RunMaintenance.</param>
    public async Task<int> PurgeExpiredAsync(Actor by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Retention.PurgeAfterDays);
        var expired = await db.Cases.Where(c => c.Status == CaseStatus.Closed && c.PurgedAt == null && c.ClosedAt <= cutoff).ToListAsync(ct);
        foreach (var @case in expired)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Messages.Where(m => m.CaseId == @case.Id).ExecuteDeleteAsync(ct);
            await db.Attachments.Where(a => a.CaseId == @case.Id).ExecuteDeleteAsync(ct);
            await db.IdentityRequests.Where(r => r.CaseId == @case.Id).ExecuteDeleteAsync(ct);
            await db.ReporterSessions.Where(s => s.CaseId == @case.Id).ExecuteDeleteAsync(ct);
            @case.PurgeContent(now);
            db.Audit(by, AuditActions.Purged, @case.Id, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // The log names the case and dates only: never content.
            Purged(logger, @case.Reference, @case.ClosedAt!.Value);
        }

        return expired.Count;
    }

    /// <summary>A session's idle expiry is never after its absolute end, so the indexed column covers both.</summary>
    public async Task<int> DeleteExpiredSessionsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ReporterSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Expired idempotency records (see IdempotencyGuard): their keys are free again, and the sealed receipts
    /// they hold are deleted rather than kept for a key no one will send. Not audited: nothing about a case changes.
    /// </summary>
    public async Task<int> DeleteExpiredIdempotencyRecordsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Purged the content of whistleblowing case {Reference} (closed {ClosedAt:O}) under the retention policy")]
    private static partial void Purged(ILogger logger, string reference, DateTimeOffset closedAt);
}

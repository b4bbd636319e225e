using EducationHub.Calendar;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Governance.Infrastructure;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>
/// Finds notices whose compliance deadline has passed (a whole London day after it) without
/// compliance and publishes WarningNoticeDeadlinePassed for each, EXACTLY ONCE: the notice is
/// claimed by a conditional update (<c>DeadlinePassedNotifiedAt IS NULL</c>) in the same
/// transaction as the outbox row, so a restart, a retry or a second instance scanning at the same
/// time can never publish it twice, and a crash before commit leaves it to be raised next scan.
/// </summary>
public sealed partial class DeadlineMonitor(GovernanceDbContext db, IClock clock, ILogger<DeadlineMonitor> logger)
{
    private const int BatchSize = 100;
    private static readonly Caller Scheduler = new("educationhub-governance", "deadline-scheduler");

    /// <summary>Statuses in which a passed deadline means "not complied in time".</summary>
    private static readonly NoticeStatus[] Watched = [.. NoticeLifecycle.AwaitingCompliance, NoticeStatus.NotComplied];

    /// <summary>Raises the event for every notice now overdue; returns how many this call raised.</summary>
    public async Task<int> RaisePassedDeadlinesAsync(CancellationToken ct)
    {
        var today = clock.TodayInLondon();
        var raised = 0;
        while (!ct.IsCancellationRequested)
        {
            var due = await OverdueQuery(today).OrderBy(n => n.ComplianceDeadline)
                .Select(n => new { n.Id, n.Urn, n.Type, n.ComplianceDeadline })
                .Take(BatchSize).ToListAsync(ct);
            var before = raised;
            foreach (var notice in due)
            {
                if (await TryRaiseAsync(notice.Id, notice.Urn, notice.Type, notice.ComplianceDeadline!.Value, today, ct))
                {
                    raised++;
                }
            }

            // Stop when the batch was not full, or when another instance claimed everything we saw.
            if (due.Count < BatchSize || raised == before)
            {
                break;
            }
        }

        return raised;
    }

    private IQueryable<WarningNotice> OverdueQuery(LocalDate today)
    {
        var watched = Watched.ToList();
        LocalDate? todayValue = today;
        return db.Notices.Where(n => watched.Contains(n.Status) && n.DeadlinePassedNotifiedAt == null
            && n.ComplianceDeadline != null && n.ComplianceDeadline < todayValue);
    }

    private async Task<bool> TryRaiseAsync(Guid id, int urn, NoticeType type, LocalDate deadline, LocalDate today, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        Instant? stamp = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await OverdueQuery(today).Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DeadlinePassedNotifiedAt, stamp), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        db.AddEvent(GovernanceEvents.DeadlinePassed(id, urn, type, deadline, now));
        db.Record(Scheduler, "notice.deadline_passed", id, urn, deadline.PlusDays(1),
            $"{type} notice: compliance deadline {deadline:uuuu-MM-dd} passed without compliance being recorded", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogRaised(logger, id, urn, deadline.ToString("uuuu-MM-dd", null));
        return true;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Warning notice {NoticeId} (URN {Urn}) passed its compliance deadline {Deadline}; event queued")]
    private static partial void LogRaised(ILogger logger, Guid noticeId, int urn, string deadline);
}

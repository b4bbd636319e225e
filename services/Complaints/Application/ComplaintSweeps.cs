using EducationHub.Complaints.Domain;
using EducationHub.Complaints.Infrastructure;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EducationHub.Complaints.Application;

/// <summary>
/// Periodic work: report timescale breaches (each once, with the flag and the event in one
/// transaction so a restart cannot repeat or lose one) and erase complainants' personal data
/// after the retention period.
/// </summary>
public sealed class ComplaintSweeps(ComplaintsDbContext db, IOptions<ComplaintsOptions> options, IClock clock)
{
    public async Task<int> ReportBreachesAsync(DateOnly today, CancellationToken ct)
    {
        var open = await db.Complaints.Where(c => c.Status == ComplaintStatus.Open).ToListAsync(ct);
        var reported = 0;
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        foreach (var complaint in open)
        {
            foreach (var (stage, dueOn) in complaint.DetectBreaches(today))
            {
                db.AddEvent(ComplaintEvents.Breached(complaint, stage, dueOn, complaint.Id, now));
                db.Audit("system", "timescale-monitor", "complaint.timescale_breached", "complaint", complaint.Id.ToString());
                reported++;
            }
        }
        if (reported > 0) await db.SaveChangesAsync(ct);
        return reported;
    }

    public async Task<int> ErasePersonalDataAsync(DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var closedBefore = today.AddMonths(-options.Value.PersonalDataRetentionMonths);
        var due = await db.Complaints
            .Where(c => (c.Status == ComplaintStatus.Closed && c.ClosedOn < closedBefore) || (c.Status == ComplaintStatus.Routed && c.ReceivedOn < closedBefore))
            .Where(c => c.Complainant.ErasedAt == null)
            .ToListAsync(ct);
        foreach (var complaint in due)
        {
            complaint.EraseComplainant(now);
            db.Audit("system", "retention", "complaint.personal_data_erased", "complaint", complaint.Id.ToString());
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return due.Count;
    }
}

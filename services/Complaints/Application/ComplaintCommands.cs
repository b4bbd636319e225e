using EducationHub.Complaints.Domain;
using EducationHub.Complaints.Infrastructure;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EducationHub.Complaints.Application;

/// <summary>
/// The steps of an existing complaint. Each loads the complaint, applies one domain operation,
/// and commits the change, its audit entry and any event together.
/// </summary>
public sealed class ComplaintCommands(ComplaintsDbContext db, ISchoolDayCalendar calendar, IOptions<ComplaintsOptions> options, IClock clock)
{
    private ComplaintTimescales Timescales => options.Value.Timescales;

    private DateTimeOffset Now => clock.GetCurrentInstant().ToDateTimeOffset();

    public Task<Complaint> AcknowledgeAsync(Guid id, DateOnly on, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.acknowledged", c => c.Acknowledge(on), ct);

    public Task<Complaint> ExtendAsync(Guid id, string reason, int extraSchoolDays, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.extended", c => c.ExtendTimescale(reason, extraSchoolDays, Timescales, calendar), ct);

    public Task<Complaint> RecordOutcomeAsync(Guid id, StageOutcome outcome, IReadOnlyList<string> remedies, DateOnly on, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.outcome_recorded", c =>
        {
            c.RecordOutcome(outcome, on, remedies);
            if (c.Status == ComplaintStatus.Closed) db.AddEvent(ComplaintEvents.Concluded(c, c.Id, Now));
        }, ct);

    public Task<Complaint> EscalateAsync(Guid id, DateOnly on, EscalationBody? body, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.escalated", c =>
        {
            var from = c.Stage;
            c.Escalate(on, body, Timescales, calendar);
            db.AddEvent(ComplaintEvents.Escalated(c, from, c.Id, Now));
        }, ct);

    public Task<Complaint> CloseAsync(Guid id, DateOnly on, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.closed", c =>
        {
            c.Close(on);
            db.AddEvent(ComplaintEvents.Concluded(c, c.Id, Now));
        }, ct);

    public Task<Complaint> WithdrawAsync(Guid id, DateOnly on, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.withdrawn", c =>
        {
            c.Withdraw(on);
            db.AddEvent(ComplaintEvents.Concluded(c, c.Id, Now));
        }, ct);

    public Task<Complaint> MarkRemedyCarriedOutAsync(Guid id, int remedyId, DateOnly on, Actor actor, CancellationToken ct) =>
        ApplyAsync(id, actor, "complaint.remedy_carried_out", c => c.MarkRemedyCarriedOut(remedyId, on), ct);

    private async Task<Complaint> ApplyAsync(Guid id, Actor actor, string auditAction, Action<Complaint> change, CancellationToken ct)
    {
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new ComplaintNotFoundException(id);
        change(complaint);
        db.Audit(actor.Organisation, actor.Subject, auditAction, "complaint", id.ToString());
        await db.SaveChangesAsync(ct);
        return complaint;
    }
}

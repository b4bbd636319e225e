using EducationHub.Complaints.Domain;
using EducationHub.Complaints.Infrastructure;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EducationHub.Complaints.Application;

/// <summary>
/// Records a new complaint: routes out-of-scope matters, enforces the 3-month rule, detects
/// campaigns, and commits the complaint with its events in one transaction (outbox).
/// </summary>
public sealed class ComplaintIntake(ComplaintsDbContext db, ISchoolDayCalendar calendar, IOptions<ComplaintsOptions> options, IClock clock)
{
    public async Task<Complaint> CreateAsync(NewComplaint intake, Actor actor, CancellationToken ct)
    {
        var settings = options.Value;
        var complaint = Complaint.Receive(intake, settings.Timescales, calendar);
        var correlationId = complaint.Id;
        var now = clock.GetCurrentInstant().ToDateTimeOffset();

        if (complaint.Status != ComplaintStatus.Routed)
            await AssignCampaignAsync(complaint, settings.Campaigns, correlationId, now, ct);

        db.Complaints.Add(complaint);
        db.AddEvent(ComplaintEvents.Received(complaint, correlationId, now));
        db.Audit(actor.Organisation, actor.Subject, complaint.Status == ComplaintStatus.Routed ? "complaint.routed" : "complaint.received", "complaint", complaint.Id.ToString());
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    private async Task AssignCampaignAsync(Complaint complaint, CampaignRules rules, Guid correlationId, DateTimeOffset now, CancellationToken ct)
    {
        var from = complaint.ReceivedOn.AddDays(-rules.WindowDays);
        var to = complaint.ReceivedOn.AddDays(rules.WindowDays);
        var recent = await db.Complaints
            .Where(c => c.Urn == complaint.Urn && c.Category == complaint.Category && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .ToListAsync(ct);

        var decision = CampaignDetector.Evaluate(complaint, recent, rules);
        if (decision is null) return;

        var campaign = decision.IsNewCampaign
            ? db.Campaigns.Add(new Campaign(decision.CampaignId, complaint.Urn, complaint.Category, complaint.ReceivedOn)).Entity
            : await db.Campaigns.SingleAsync(c => c.Id == decision.CampaignId, ct);
        foreach (var member in decision.Members) member.JoinCampaign(campaign.Id);

        // The full membership each time it grows, so consumers can regroup earlier complaints.
        var allMembers = recent.Where(c => c.CampaignId == campaign.Id).Select(c => c.Id).Append(complaint.Id).Distinct().ToList();
        db.AddEvent(ComplaintEvents.CampaignDetected(campaign, allMembers, correlationId, now));
    }
}

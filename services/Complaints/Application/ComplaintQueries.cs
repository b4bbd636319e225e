using EducationHub.Complaints.Domain;
using EducationHub.Complaints.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Complaints.Application;

/// <summary>
/// Read side: one complaint, filtered pages, theme counts and campaigns. Reads that return
/// complainants' personal data (one complaint, a page of complaints) are sensitive: each appends an
/// audit entry naming the reader before it returns. Theme counts and campaigns carry none.
/// </summary>
public sealed class ComplaintQueries(ComplaintsDbContext db)
{
    public const string ReadAction = "complaint.read";
    public const string ListedAction = "complaints.listed";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public static readonly IReadOnlyList<int> DefaultThemeWindows = [30, 90, 365];

    public async Task<Complaint> GetAsync(Guid id, Actor reader, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new ComplaintNotFoundException(id);
        await AuditReadAsync(reader, ReadAction, id.ToString(), ct);
        return complaint;
    }

    /// <summary>A page of complaints; audited once per call, with the school filter ("all" without one) as the entity.</summary>
    public async Task<(IReadOnlyList<Complaint> Page, int? NextOffset)> ListAsync(
        int? urn, ComplaintStatus? status, bool overdueOnly, DateOnly today, int offset, int pageSize, Actor reader, CancellationToken ct)
    {
        var result = await PageAsync(urn, status, overdueOnly, today, offset, pageSize, ct);
        await AuditReadAsync(reader, ListedAction, AuditEntry.SchoolFilterId(urn), ct);
        return result;
    }

    private async Task AuditReadAsync(Actor reader, string action, string entityId, CancellationToken ct)
    {
        db.Audit(reader.Organisation, reader.Subject, action, "complaint", entityId);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(IReadOnlyList<Complaint> Page, int? NextOffset)> PageAsync(
        int? urn, ComplaintStatus? status, bool overdueOnly, DateOnly today, int offset, int pageSize, CancellationToken ct)
    {
        var query = db.Complaints.AsNoTracking().AsQueryable();
        if (urn is { } u) query = query.Where(c => c.Urn == u);
        if (status is { } s) query = query.Where(c => c.Status == s);
        if (overdueOnly) query = query.Where(c => c.Status == ComplaintStatus.Open);
        query = query.OrderByDescending(c => c.ReceivedOn).ThenBy(c => c.Id);

        if (!overdueOnly)
        {
            var rows = await query.Skip(offset).Take(pageSize + 1).ToListAsync(ct);
            return (rows.Take(pageSize).ToList(), rows.Count > pageSize ? offset + pageSize : null);
        }

        // "Overdue" depends on the current stage's due date, which lives in the owned stage rows:
        // filter the open complaints in memory (open complaints are few).
        var overdue = (await query.ToListAsync(ct)).Where(c => IsOverdue(c, today)).ToList();
        return (overdue.Skip(offset).Take(pageSize).ToList(), overdue.Count > offset + pageSize ? offset + pageSize : null);
    }

    public static bool IsOverdue(Complaint c, DateOnly today) =>
        c.Status == ComplaintStatus.Open
        && ((c.AcknowledgedOn is null && today > c.AcknowledgeBy) || (c.CurrentStage.DueOn is { } due && today > due));

    public async Task<IReadOnlyList<ThemeCounter.ThemeCount>> ThemesAsync(int urn, DateOnly endingOn, IReadOnlyList<int> windows, CancellationToken ct)
    {
        var from = endingOn.AddDays(-windows.Max());
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.Urn == urn && c.ReceivedOn > from && c.ReceivedOn <= endingOn).ToListAsync(ct);
        return ThemeCounter.Count(complaints, endingOn, windows);
    }

    public async Task<IReadOnlyList<(Campaign Campaign, IReadOnlyList<Complaint> Members)>> CampaignsAsync(int urn, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Urn == urn).OrderBy(c => c.DetectedOn).ToListAsync(ct);
        var ids = campaigns.Select(c => (Guid?)c.Id).ToList();
        var members = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.CampaignId)).ToListAsync(ct);
        return campaigns
            .Select(c => (c, (IReadOnlyList<Complaint>)members.Where(m => m.CampaignId == c.Id).OrderBy(m => m.ReceivedOn).ToList()))
            .ToList();
    }
}

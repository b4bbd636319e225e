using EducationHub.Complaints.Infrastructure;
using EducationHub.Protos.Complaints.V1;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static EducationHub.Complaints.Tests.Api.ComplaintRequests;

namespace EducationHub.Complaints.Tests.Api;

/// <summary>
/// The audit log answers "who changed this complaint, and who has seen the complainant's details":
/// writes and the reads that return personal data each append an entry with the caller's organisation.
/// </summary>
public sealed class AuditLogApiTests(ComplaintsHostFixture fixture) : IClassFixture<ComplaintsHostFixture>
{
    private ComplaintsHost Host => fixture.Host;

    [Fact]
    public async Task Writes_and_reads_of_personal_data_are_audited_with_the_callers_organisation()
    {
        var created = await Host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-12-01", "2026-11-30", urn: 100031));
        await Host.Call<AcknowledgeComplaintRequest, Complaint>("AcknowledgeComplaint", new() { ComplaintId = created.ComplaintId, AcknowledgedOn = "2026-12-02" });

        var read = await Host.Call<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = created.ComplaintId }, Host.ReadToken);
        Assert.NotEmpty(read.ComplainantName);
        await Host.Call<ListComplaintsRequest, ListComplaintsResponse>("ListComplaints", new() { Urn = 100031 }, Host.ReadToken);
        // Counts only, no personal data: not audited.
        await Host.Call<GetThemeSummaryRequest, ThemeSummary>("GetThemeSummary", new() { Urn = 100031 }, Host.ReadToken);

        var entries = await AuditAsync(created.ComplaintId, "100031");
        Assert.Equal(
            [
                ("complaint.received", "complaint", created.ComplaintId, "Test Borough Council"),
                ("complaint.acknowledged", "complaint", created.ComplaintId, "Test Borough Council"),
                ("complaint.read", "complaint", created.ComplaintId, "Ofsted"),
                ("complaints.listed", "complaint", "100031", "Ofsted"),
            ],
            entries);
    }

    [Fact]
    public async Task A_read_of_a_complaint_that_does_not_exist_is_not_audited()
    {
        var id = Guid.NewGuid().ToString();
        await Host.Fails<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = id }, Host.ReadToken);

        Assert.Empty(await AuditAsync(id));
    }

    private async Task<List<(string Action, string EntityType, string EntityId, string Organisation)>> AuditAsync(params string[] entityIds)
    {
        await using var scope = Host.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var rows = await db.Set<AuditEntry>().AsNoTracking().Where(a => entityIds.Contains(a.EntityId)).ToListAsync();
        return rows.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => (a.Action, a.EntityType, a.EntityId, a.Organisation)).ToList();
    }
}

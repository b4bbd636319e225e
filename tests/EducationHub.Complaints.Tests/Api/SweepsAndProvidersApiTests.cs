using EducationHub.Complaints.Application;
using EducationHub.Contracts.V1;
using EducationHub.Protos.Complaints.V1;
using EducationHub.Testing.Infrastructure;
using EducationHub.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;
using Status = EducationHub.Protos.Complaints.V1.Status;
using static EducationHub.Complaints.Tests.Api.ComplaintRequests;

namespace EducationHub.Complaints.Tests.Api;

public sealed class SweepsAndProvidersApiTests
{
    [Fact]
    public async Task Breaches_are_published_once_and_the_complaint_shows_as_overdue()
    {
        var clock = FakeClock.AtLondonNoon(2026, 11, 2);
        await using var host = await ComplaintsHost.StartAsync(clock);
        var created = await host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-11-02", "2026-10-30", urn: 100021));
        Assert.Equal(0, await Sweep(host, s => s.ReportBreachesAsync(new DateOnly(2026, 11, 9), default))); // acknowledge by 9 Nov: not yet late
        // 16 Nov: the acknowledgement is late; stage 1 is due that day, so not yet.
        Assert.Equal(1, await Sweep(host, s => s.ReportBreachesAsync(new DateOnly(2026, 11, 16), default)));

        clock.SetLondonNoon(2026, 11, 17);
        Assert.Equal(1, await Sweep(host, s => s.ReportBreachesAsync(new DateOnly(2026, 11, 17), default)));
        Assert.Equal(0, await Sweep(host, s => s.ReportBreachesAsync(new DateOnly(2026, 11, 18), default)));

        var id = Guid.Parse(created.ComplaintId);
        await host.Events.WaitFor<ComplaintTimescaleBreached>(e => e.ComplaintId == id && e.Stage == "stage-1");
        var breaches = host.Events.Of<ComplaintTimescaleBreached>(e => e.ComplaintId == id);
        Assert.Equal([("acknowledgement", new DateOnly(2026, 11, 9)), ("stage-1", new DateOnly(2026, 11, 16))],
            breaches.Select(b => (b.Stage, b.DueOn)).OrderBy(b => b.DueOn));

        var overdue = await host.Call<ListComplaintsRequest, ListComplaintsResponse>("ListComplaints", new() { OverdueOnly = true }, host.ReadToken);
        var listed = Assert.Single(overdue.Complaints);
        Assert.True(listed.Stages[0].Overdue);
    }

    [Fact]
    public async Task Complainant_personal_data_is_erased_after_the_retention_period_and_the_complaint_remains()
    {
        var clock = FakeClock.AtLondonNoon(2026, 11, 20);
        await using var host = await ComplaintsHost.StartAsync(clock);
        var created = await host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-11-16", "2026-11-10", urn: 100022));
        await host.Call<RecordOutcomeRequest, Complaint>("RecordOutcome", new() { ComplaintId = created.ComplaintId, Outcome = Outcome.Upheld });
        await host.Call<CloseComplaintRequest, Complaint>("CloseComplaint", new() { ComplaintId = created.ComplaintId });

        Assert.Equal(0, await Sweep(host, s => s.ErasePersonalDataAsync(new DateOnly(2027, 11, 19), DateTimeOffset.UtcNow, default)));
        Assert.Equal(1, await Sweep(host, s => s.ErasePersonalDataAsync(new DateOnly(2027, 11, 21), DateTimeOffset.UtcNow, default)));

        var after = await host.Call<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = created.ComplaintId }, host.ReadToken);
        Assert.Equal(("", ""), (after.ComplainantName, after.ComplainantContact));
        Assert.Equal(Category.Bullying, after.Category);
        Assert.Equal(Status.Closed, after.Status);
    }

    [Fact]
    public async Task The_whole_flow_works_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync("ehub_complaints");
        await using var host = await ComplaintsHost.StartAsync(FakeClock.AtLondonNoon(2026, 12, 15), new Dictionary<string, string?>
        {
            ["ConnectionStrings:complaints"] = database.ConnectionString,
        });

        var created = await host.Call<CreateComplaintRequest, Complaint>("CreateComplaint", Bullying("2026-12-01", "2026-11-28", urn: 100023));
        await host.Call<RecordOutcomeRequest, Complaint>("RecordOutcome", new() { ComplaintId = created.ComplaintId, Outcome = Outcome.PartlyUpheld, Remedies = { "Apology" }, RespondedOn = "2026-12-08" });
        var remedy = (await host.Call<GetComplaintRequest, Complaint>("GetComplaint", new() { ComplaintId = created.ComplaintId })).Stages[0].Remedies.Single();
        var done = await host.Call<MarkRemedyCarriedOutRequest, Complaint>("MarkRemedyCarriedOut", new() { ComplaintId = created.ComplaintId, RemedyId = remedy.RemedyId, CarriedOutOn = "2026-12-10" });
        Assert.Equal("2026-12-10", done.Stages[0].Remedies.Single().CarriedOutOn);
        var escalated = await host.Call<EscalateComplaintRequest, Complaint>("EscalateComplaint", new() { ComplaintId = created.ComplaintId });
        Assert.Equal(Stage.Stage2, escalated.Stage);

        await host.Events.WaitFor<ComplaintEscalated>(e => e.ComplaintId == Guid.Parse(created.ComplaintId));
    }

    private static async Task<int> Sweep(ComplaintsHost host, Func<ComplaintSweeps, Task<int>> run)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<ComplaintSweeps>());
    }
}

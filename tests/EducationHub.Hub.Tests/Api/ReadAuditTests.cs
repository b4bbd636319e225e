using System.Net;
using EducationHub.Grpc.Client;
using EducationHub.Hub.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// The hub's sensitive reads are audited with the reader's organisation: a school's profile (through
/// the API or the dashboard) and a risk-list export. Reading the monthly list itself is not.
/// </summary>
public class ReadAuditTests
{
    private const string Svc = "/educationhub.hub.v1.HubService/";

    [Fact]
    public async Task A_school_profile_read_through_the_API_is_audited_and_a_list_read_is_not()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var options = new CallOptions { BearerToken = hub.Token("hub.risklist.read") };

        await hub.Host.Client.UnaryAsync<Pb.GetRiskListRequest, Pb.RiskList>(Svc + "GetRiskList", new() { Month = HubHost.ThisMonth }, options);
        await hub.Host.Client.UnaryAsync<Pb.GetSchoolProfileRequest, Pb.SchoolProfile>(Svc + "GetSchoolProfile", new() { Urn = HubHost.Urn }, options);

        Assert.Equal([("school_profile.read", "school", HubHost.Urn.ToString(), "council")], await ReadEntriesAsync(hub));
    }

    [Fact]
    public async Task Dashboard_school_pages_and_exports_are_audited_with_the_signed_in_organisation()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: false);
        await hub.SeedTwoSchoolsAsync();
        using var http = new HttpClient { BaseAddress = hub.Host.WebAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", hub.Token("hub.risklist.read"));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/hub/risk-list?month={HubHost.ThisMonth}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/hub/schools/{HubHost.Urn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/hub/risk-list.csv?month={HubHost.ThisMonth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/hub/schools/999999")).StatusCode);

        Assert.Equal(
            [
                ("school_profile.read", "school", HubHost.Urn.ToString(), "council"),
                ("risklist.exported", "risklist", $"{HubHost.ThisMonth}.csv", "council"),
            ],
            await ReadEntriesAsync(hub));
    }

    [Fact]
    public async Task Without_sign_in_the_dashboard_audits_its_reads_as_the_local_run()
    {
        await using var hub = await HubHost.StartAsync(dashboardOpen: true);
        await hub.SeedTwoSchoolsAsync();

        await hub.Host.Http.GetByteArrayAsync($"/hub/risk-list.xlsx?month={HubHost.ThisMonth}");

        var entry = Assert.Single(await ReadEntriesAsync(hub));
        Assert.Equal(("risklist.exported", $"{HubHost.ThisMonth}.xlsx", "local (dashboard without sign-in)"), (entry.Action, entry.EntityId, entry.Organisation));
    }

    private static async Task<List<(string Action, string EntityType, string EntityId, string Organisation)>> ReadEntriesAsync(HubHost hub)
    {
        await using var scope = hub.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == "school_profile.read" || a.Action == "risklist.exported").ToListAsync();
        return rows.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => (a.Action, a.EntityType, a.EntityId, a.Organisation)).ToList();
    }
}

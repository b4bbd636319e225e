using System.Net;
using EducationHub.Grpc.Client;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// The hub's sensitive reads are audited with the reader's organisation: a school's profile (through
/// the API or the dashboard), the monthly risk list (once per read, not per page) and a risk-list export.
/// </summary>
public class ReadAuditTests
{
    private const string Svc = "/educationhub.hub.v1.HubService/";

    [Fact]
    public async Task A_school_profile_read_through_the_API_is_audited()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var options = new CallOptions { BearerToken = hub.Token("hub.risklist.read") };

        await hub.Host.Client.UnaryAsync<Pb.GetSchoolProfileRequest, Pb.SchoolProfile>(Svc + "GetSchoolProfile", new() { Urn = HubHost.Urn }, options);

        Assert.Equal([("school_profile.read", "school", HubHost.Urn.ToString(), "council")], await ReadEntriesAsync(hub));
    }

    [Fact]
    public async Task Every_read_of_the_monthly_list_is_audited_once_with_the_reader_and_later_pages_add_nothing()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var options = new CallOptions { BearerToken = hub.Token("hub.risklist.read") };
        var month = HubHost.ThisMonth;

        await hub.Host.Client.UnaryAsync<Pb.GetRiskListRequest, Pb.RiskList>(Svc + "GetRiskList", new() { Month = month }, options);
        await hub.Host.Client.UnaryAsync<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(Svc + "ListRiskList", new() { Month = month, PageSize = 1 }, options);
        // A later page continues the read the first page recorded (a page token for offset 1, as the service writes them).
        var secondPage = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{month}:1"));
        await hub.Host.Client.UnaryAsync<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(Svc + "ListRiskList", new() { Month = month, PageSize = 1, PageToken = secondPage }, options);
        await foreach (var _ in hub.Host.Client.ServerStreaming<Pb.StreamRiskListRequest, Pb.RiskListEntry>(Svc + "StreamRiskList", new() { Month = month }, options))
        {
        }
        await hub.Host.Client.UnaryAsync<Pb.PreviewMonthRequest, Pb.RiskListSummary>(Svc + "PreviewMonth", new() { Month = month }, options);

        Assert.Equal(Enumerable.Repeat(("risklist.read", "risklist", month, "council"), 4), await ReadEntriesAsync(hub));
    }

    [Fact]
    public async Task Auditing_a_list_read_leaves_the_cached_draft_valid()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var month = RiskMonth.Containing(DateTimeOffset.UtcNow);
        var reader = new CallerIdentity("council", "reader", new HashSet<string> { "hub.risklist.read" });

        // Any commit anywhere in this test process invalidates drafts, and other tests write meanwhile:
        // one round in which nothing else committed shows the audit entry itself did not.
        var kept = false;
        for (var round = 0; round < 20 && !kept; round++)
        {
            await using var scope = hub.Host.Services.CreateAsyncScope();
            var lists = scope.ServiceProvider.GetRequiredService<RiskListService>();
            var draft = await lists.DraftAsync(month, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ReadAudit>().RiskListAsync(month, reader, CancellationToken.None);
            kept = ReferenceEquals(draft, await lists.DraftAsync(month, CancellationToken.None));
        }

        Assert.True(kept, "every audited read made the next reader recompute the draft");
    }

    [Fact]
    public async Task Dashboard_list_and_school_pages_and_exports_are_audited_with_the_signed_in_organisation()
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
                ("risklist.read", "risklist", HubHost.ThisMonth, "council"),
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

        var entry = Assert.Single(await ReadEntriesAsync(hub), e => e.Action != "risklist.read");
        Assert.Equal(("risklist.exported", $"{HubHost.ThisMonth}.xlsx", "local (dashboard without sign-in)"), (entry.Action, entry.EntityId, entry.Organisation));
    }

    private static async Task<List<(string Action, string EntityType, string EntityId, string Organisation)>> ReadEntriesAsync(HubHost hub)
    {
        await using var scope = hub.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == "school_profile.read" || a.Action == "risklist.read" || a.Action == "risklist.exported").ToListAsync();
        return rows.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => (a.Action, a.EntityType, a.EntityId, a.Organisation)).ToList();
    }
}

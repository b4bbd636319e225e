using EducationHub.Contracts.V1;
using EducationHub.Hub;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.Api;

/// <summary>A real hub host (AddServiceDefaults + AddHub on free ports, SQLite, in-memory bus).</summary>
public sealed class HubHost : IAsyncDisposable
{
    public const int Urn = 990101;
    public const int QuietUrn = 990102;

    private HubHost(TestServiceHost host) => Host = host;

    public TestServiceHost Host { get; }

    public static async Task<HubHost> StartAsync(bool dashboardOpen = true, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Hub:DashboardWithoutSignIn"] = dashboardOpen ? "true" : "false",
        };
        var host = await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), all, serviceName: "hub");
        return new HubHost(host);
    }

    public string Token(params string[] scopes) => Host.IssueToken("council", scopes);

    public Task IngestAsync(params IIntegrationEvent[] events) => IngestInto(Host, events);

    /// <summary>Puts <paramref name="events"/> on the timeline of any hub host, as its consumers would.</summary>
    public static async Task IngestInto(TestServiceHost host, params IIntegrationEvent[] events)
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TimelineIngestor>().IngestAsync(events, CancellationToken.None);
    }

    public static SchoolRegistered School(int urn, string name) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-300), urn, "schoolrisk", Guid.NewGuid(), name, "330", "Birmingham", "Community school", "Primary", "Open", [], null);

    /// <summary>A school that is clearly on this month's list, and one that is not.</summary>
    public async Task SeedTwoSchoolsAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var notice = Guid.NewGuid();
        await IngestAsync(
            School(Urn, "Park View Academy"), School(QuietUrn, "Quiet Lane Primary"),
            new SchoolRiskAssessed(Guid.NewGuid(), now.AddDays(-2), Urn, "schoolrisk", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime), 70, "High", "sr-test",
                [new RiskReason("ofsted", "Inspected Inadequate", 30)]),
            new WarningNoticeIssued(Guid.NewGuid(), now.AddDays(-1), Urn, "governance", Guid.NewGuid(), notice, "warning-notice", ["low-standards"], "Local authority",
                DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime.AddDays(21))),
            new SchoolRiskAssessed(Guid.NewGuid(), now.AddDays(-2), QuietUrn, "schoolrisk", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime), 10, "Low", "sr-test", []));
    }

    public static string ThisMonth => RiskMonth.Containing(DateTimeOffset.UtcNow).ToString();

    public static string LastMonth => RiskMonth.Containing(DateTimeOffset.UtcNow).Previous.ToString();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

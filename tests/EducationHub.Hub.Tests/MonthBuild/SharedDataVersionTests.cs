using EducationHub.Contracts.V1;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;
using EducationHub.Hub.Tests.Api;
using EducationHub.Hub.Tests.Ingestion;
using EducationHub.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>
/// Hub replicas on one PostgreSQL database: a draft list one replica has cached is recomputed as soon as
/// another replica commits a change to its inputs, instead of being served until it expires minutes later.
/// </summary>
public sealed class SharedDataVersionTests
{
    private const int Urn = 990301;

    [Fact]
    public async Task A_draft_cached_by_one_replica_is_recomputed_when_another_replica_commits()
    {
        await using var first = await HubDatabaseHost.StartAsync("postgres");
        await using var second = await first.StartReplicaAsync();
        var month = RiskMonth.Containing(DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;
        await HubHost.IngestInto(first.Host,
            HubHost.School(Urn, "Quiet Lane Primary"),
            new SchoolRiskAssessed(Guid.NewGuid(), now.AddDays(-2), Urn, "schoolrisk", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime), 10, "Low", "sr-test", []));
        // The second replica's start-up (its migrations) is announced a round trip after its commits, and would make
        // the first recompute once more, so the cache is looked at once every announcement is in.
        var announced = await SettledSharedVersionAsync(first);
        var before = await DraftAsync(first.Host, month);
        Assert.DoesNotContain(before.Entries, e => e.Urn == Urn);
        Assert.Same(before, await DraftAsync(first.Host, month)); // cached: nothing changed

        // The other replica's consumer takes the next events: a high risk and a warning notice.
        await HubHost.IngestInto(second,
            new SchoolRiskAssessed(Guid.NewGuid(), now.AddDays(-1), Urn, "schoolrisk", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime), 70, "High", "sr-test",
                [new RiskReason("ofsted", "Inspected Inadequate", 30)]),
            new WarningNoticeIssued(Guid.NewGuid(), now.AddDays(-1), Urn, "governance", Guid.NewGuid(), Guid.NewGuid(), "warning-notice", ["low-standards"],
                "Local authority", DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime.AddDays(21))));

        // The announcement follows the commit by a round trip; the first replica's cache would otherwise keep the old list for minutes.
        var after = await WaitForAsync(() => DraftAsync(first.Host, month), list => list.Entries.Any(e => e.Urn == Urn), TimeSpan.FromSeconds(15));
        Assert.Contains(after.Entries, e => e.Urn == Urn && e.Reasons.Count > 0);
        Assert.True(await SettledSharedVersionAsync(first) > announced, "the second replica's commit advanced the shared version");
        var cachedAgain = await DraftAsync(first.Host, month);
        Assert.Same(cachedAgain, await DraftAsync(first.Host, month)); // and the new list is cached again
    }

    [Fact]
    public async Task A_replica_keeps_its_draft_through_its_own_announcements_but_not_another_replicas()
    {
        await using var hub = await HubDatabaseHost.StartAsync("postgres");
        var version = hub.Host.Services.GetRequiredService<HubDataVersion>();
        var month = RiskMonth.Containing(DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;
        await HubHost.IngestInto(hub.Host, HubHost.School(Urn, "Quiet Lane Primary"));
        var beforeIngest = await SettledSharedVersionAsync(hub);
        await HubHost.IngestInto(hub.Host,
            new SchoolRiskAssessed(Guid.NewGuid(), now.AddDays(-1), Urn, "schoolrisk", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime), 70, "High", "sr-test", []));
        var afterIngest = await SettledSharedVersionAsync(hub);

        // The announcer remembered every value it took: the only replica's ingest moved the version by its own announcements alone.
        Assert.True(afterIngest > beforeIngest, "the ingest was announced");
        Assert.True(version.Covers(new DataVersion(version.Local, beforeIngest), new DataVersion(version.Local, afterIngest)));

        // On the real sequence, with the announcements made here so their order is known: the draft survives this
        // replica's announcement and is recomputed after one it did not make.
        var cached = await DraftAsync(hub.Host, month);
        version.RecordOwnAnnouncement(await NextValueAsync(hub));
        Assert.Same(cached, await DraftAsync(hub.Host, month));
        await NextValueAsync(hub);
        Assert.NotSame(cached, await DraftAsync(hub.Host, month));
    }

    [Fact]
    public async Task Reading_the_shared_version_does_not_advance_it()
    {
        await using var hub = await HubDatabaseHost.StartAsync("postgres");
        var version = hub.Host.Services.GetRequiredService<HubDataVersion>();
        await SettledSharedVersionAsync(hub); // the start-up migrations' announcements are in

        var first = await hub.QueryAsync(db => version.CurrentAsync(db, CancellationToken.None));
        var again = await hub.QueryAsync(db => version.CurrentAsync(db, CancellationToken.None));

        Assert.Equal(first, again);
    }

    private static async Task<MonthlyRiskList> DraftAsync(TestServiceHost host, RiskMonth month)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RiskListService>().DraftAsync(month, CancellationToken.None);
    }

    private static Task<long> SharedVersionAsync(HubDatabaseHost hub) =>
        hub.QueryAsync(db => db.Database.SqlQueryRaw<long>($"SELECT last_value AS \"Value\" FROM {HubDataVersion.Sequence}").SingleAsync());

    private static Task<long> NextValueAsync(HubDatabaseHost hub) =>
        hub.QueryAsync(db => db.Database.SqlQueryRaw<long>($"SELECT nextval('{HubDataVersion.Sequence}') AS \"Value\"").SingleAsync());

    /// <summary>The shared version once it has stopped moving: the same value twice, half a second apart.</summary>
    private static async Task<long> SettledSharedVersionAsync(HubDatabaseHost hub)
    {
        var last = await SharedVersionAsync(hub);
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(500);
            var now = await SharedVersionAsync(hub);
            if (now == last)
                return now;
            last = now;
        }
        throw new TimeoutException("the shared data version kept moving for 25 s with nothing being written");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(50);
        }
    }
}

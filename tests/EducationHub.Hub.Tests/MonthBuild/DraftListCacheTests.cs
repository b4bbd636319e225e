using System.Runtime.CompilerServices;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Tests.MonthBuild;

public sealed class DraftListCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_current_entry_is_served_until_either_part_of_the_data_version_moves()
    {
        var cache = new DraftListCache(new FixedTime(Now), new HubDataVersion());
        var list = Draft();
        cache.Set("2026-03", new DataVersion(1, 0), list);

        Assert.True(cache.TryGet("2026-03", new DataVersion(1, 0), out var hit));
        Assert.Same(list, hit);
        // A commit in this process.
        Assert.False(cache.TryGet("2026-03", new DataVersion(2, 0), out _));

        // A commit announced by another replica.
        cache.Set("2026-03", new DataVersion(1, 0), list);
        Assert.False(cache.TryGet("2026-03", new DataVersion(1, 1), out _));
    }

    [Fact]
    public void This_replicas_own_announcements_leave_its_entry_current()
    {
        var version = new HubDataVersion();
        var cache = new DraftListCache(new FixedTime(Now), version);
        var list = Draft();
        cache.Set("2026-03", new DataVersion(3, 10), list);
        version.RecordOwnAnnouncement(11);
        version.RecordOwnAnnouncement(12);

        // The shared version moved only by this replica's announcements of commits the list includes.
        Assert.True(cache.TryGet("2026-03", new DataVersion(3, 12), out var hit));
        Assert.Same(list, hit);
        // Another replica's announcement (13) among them.
        version.RecordOwnAnnouncement(14);
        Assert.False(cache.TryGet("2026-03", new DataVersion(3, 14), out _));

        // A commit in this process, even if its announcement is the only move of the shared version.
        cache.Set("2026-03", new DataVersion(3, 14), list);
        version.RecordOwnAnnouncement(15);
        Assert.False(cache.TryGet("2026-03", new DataVersion(4, 15), out _));
    }

    [Fact]
    public void Only_the_latest_own_announcements_are_remembered()
    {
        var version = new HubDataVersion();
        for (var value = 1; value <= 200; value++)
            version.RecordOwnAnnouncement(value);

        Assert.True(version.Covers(new DataVersion(1, 150), new DataVersion(1, 200)));
        // 100 is no longer remembered, so a list from before it cannot be proved current.
        Assert.False(version.Covers(new DataVersion(1, 99), new DataVersion(1, 101)));
    }

    [Fact]
    public void A_stale_draft_is_released_before_the_caller_recomputes()
    {
        // The caller recomputes right after a miss: if the cache still held the stale list, two full
        // lists would be alive during the build.
        var cache = new DraftListCache(new FixedTime(Now), new HubDataVersion());
        var stale = CacheOne(cache, new DataVersion(1, 0));

        Assert.False(cache.TryGet("2026-03", new DataVersion(2, 0), out _));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(stale.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CacheOne(DraftListCache cache, DataVersion version)
    {
        var list = Draft();
        cache.Set("2026-03", version, list);
        return new WeakReference(list);
    }

    private static MonthlyRiskList Draft() =>
        new("2026-03", false, null, "test", [], Now, Now, 0, "2026-02", false, [], []);
}

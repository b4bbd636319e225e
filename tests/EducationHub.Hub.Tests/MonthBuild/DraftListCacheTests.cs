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
        var cache = new DraftListCache(new FixedTime(Now));
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
    public void A_stale_draft_is_released_before_the_caller_recomputes()
    {
        // The caller recomputes right after a miss: if the cache still held the stale list, two full
        // lists would be alive during the build.
        var cache = new DraftListCache(new FixedTime(Now));
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

using System.Collections.Concurrent;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Application;

/// <summary>
/// Computed drafts, keyed by month and the hub's data version (<see cref="HubDataVersion"/>), so paging through a list does not
/// recompute it per page. Entries also expire after a few minutes, because a draft of the running
/// month is evaluated "as of now" and signals decay with time. A stale entry is dropped as soon as
/// it is found stale, so the caller's recomputation does not run with the old list still alive
/// (two full lists at once would be the build's peak memory).
/// </summary>
public sealed class DraftListCache(TimeProvider clock, HubDataVersion dataVersion)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (DataVersion Version, DateTimeOffset At, MonthlyRiskList List)> _drafts = new();

    public bool TryGet(string month, DataVersion version, out MonthlyRiskList list)
    {
        if (_drafts.TryGetValue(month, out var hit))
        {
            if (dataVersion.Covers(hit.Version, version) && clock.GetUtcNow() - hit.At < MaxAge)
            {
                list = hit.List;
                return true;
            }
            // Removes only this stale entry: a fresher one set meanwhile by another caller stays.
            _drafts.TryRemove(KeyValuePair.Create(month, hit));
        }
        list = null!;
        return false;
    }

    public void Set(string month, DataVersion version, MonthlyRiskList list) => _drafts[month] = (version, clock.GetUtcNow(), list);
}

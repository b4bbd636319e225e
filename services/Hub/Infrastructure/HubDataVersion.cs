using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// What a cached draft list was computed from: <see cref="Local"/> counts this process's commits to the
/// hub's database, <see cref="Shared"/> every replica's (PostgreSQL; always 0 on SQLite, which one process owns).
/// </summary>
public readonly record struct DataVersion(long Local, long Shared);

/// <summary>
/// Tells cached draft lists they are stale. Every committed write to the hub's database bumps a counter
/// in this process at once and, on PostgreSQL, asks <see cref="SharedDataVersionAnnouncer"/> to advance
/// the database sequence <see cref="Sequence"/> that every replica reads, so a list cached by one replica
/// is dropped when another replica's consumer or API call changes its inputs (a hub runs 2 to 6
/// replicas, deploy/k8s). Bumped after the commit, never before, so a list computed from data not yet
/// committed can never be cached under the new value; a spurious bump only costs a recomputation.
/// </summary>
public sealed class HubDataVersion
{
    /// <summary>The PostgreSQL sequence the replicas share (migration 2026112601).</summary>
    public const string Sequence = "hub_data_version";

    /// <summary>How many of this replica's latest announcements are remembered (see <see cref="Covers"/>).</summary>
    private const int RememberedAnnouncements = 64;

    private long _local;
    private int _announcementRequested;
    private readonly SemaphoreSlim _announcement = new(0, 1);
    private readonly long[] _ownAnnouncements = new long[RememberedAnnouncements];
    private int _ownAnnouncementsKept;
    private int _nextOwnAnnouncement;
    private readonly Lock _ownAnnouncementsLock = new();

    public long Local => Interlocked.Read(ref _local);

    /// <summary>Called after every commit that may change a list's inputs.</summary>
    public void Bump()
    {
        Interlocked.Increment(ref _local);
        RequestAnnouncement();
    }

    /// <summary>Asks <see cref="SharedDataVersionAnnouncer"/> to advance the shared sequence (again, after one that failed).</summary>
    internal void RequestAnnouncement()
    {
        // One announcement covers every commit before it: request one only if none is waiting.
        if (Interlocked.Exchange(ref _announcementRequested, 1) == 0)
            _announcement.Release();
    }

    /// <summary>The version now, read before the list's inputs are loaded: a later commit makes a list cached under it stale, never wrong.</summary>
    public async Task<DataVersion> CurrentAsync(HubDbContext db, CancellationToken ct)
    {
        var local = Local;
        if (!db.Database.IsNpgsql())
            return new DataVersion(local, 0);
        // Until its first nextval a sequence reports last_value 1 (is_called false), the value that first nextval returns.
        var shared = await db.Database.SqlQueryRaw<long>($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS \"Value\" FROM {Sequence}").SingleAsync(ct);
        return new DataVersion(local, shared);
    }

    /// <summary>
    /// Whether a list computed at <paramref name="cached"/> is still current at <paramref name="now"/>: this process
    /// has committed nothing since, and every advance of the shared version since was this process's own
    /// announcement, which only tells the other replicas of commits the list already includes. Without that
    /// exception the replica that committed would compute its list twice for every commit: once for the
    /// commit, and again when its own announcement arrived a round trip later.
    /// </summary>
    public bool Covers(DataVersion cached, DataVersion now)
    {
        if (cached.Local != now.Local || now.Shared < cached.Shared) return false;
        if (now.Shared - cached.Shared > RememberedAnnouncements) return false;
        lock (_ownAnnouncementsLock)
        {
            for (var value = cached.Shared + 1; value <= now.Shared; value++)
            {
                if (Array.IndexOf(_ownAnnouncements, value, 0, _ownAnnouncementsKept) < 0)
                    return false;
            }
        }
        return true;
    }

    /// <summary>The shared value an announcement of this process's commits took (<c>nextval</c>'s result).</summary>
    internal void RecordOwnAnnouncement(long value)
    {
        lock (_ownAnnouncementsLock)
        {
            _ownAnnouncements[_nextOwnAnnouncement] = value;
            _nextOwnAnnouncement = (_nextOwnAnnouncement + 1) % RememberedAnnouncements;
            _ownAnnouncementsKept = Math.Min(_ownAnnouncementsKept + 1, RememberedAnnouncements);
        }
    }

    /// <summary>Waits until a commit asks for an announcement; commits after this returns ask for the next one.</summary>
    internal async Task WaitForAnnouncementRequestAsync(CancellationToken ct)
    {
        await _announcement.WaitAsync(ct);
        Volatile.Write(ref _announcementRequested, 0);
    }
}

/// <summary>Bumps <see cref="HubDataVersion"/> when a transaction commits.</summary>
internal sealed class HubCommitInterceptor(HubDataVersion version) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Bump();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Bump();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Bumps <see cref="HubDataVersion"/> after a SaveChanges that ran in its own (implicit) transaction,
/// unless it saved only the audit entries of a read (<see cref="HubDbContext.SaveReadAuditAsync"/>).
/// </summary>
internal sealed class HubSaveInterceptor(HubDataVersion version) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (ChangesData(eventData.Context)) version.Bump();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (ChangesData(eventData.Context)) version.Bump();
        return ValueTask.FromResult(result);
    }

    private static bool ChangesData(DbContext? context) =>
        context?.Database.CurrentTransaction is null && context is not HubDbContext { SavingAuditOnly: true };
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// The submission tokens this replica has charged to the submission limits in the last hour (the
/// per-client window), so that a repeat of the same form (double click, browser retry), which the
/// service answers from its idempotency record without creating anything, is not charged again.
/// Only the first <see cref="FreeRepeats"/> repeats are free: the service still does (and audits)
/// a little work for each, so endless repeats of one token are charged like new reports. Concurrent
/// posts of one token share the first one's charge decision, so a refused report cannot slip through
/// as its own "repeat". Per replica, like the limits themselves: a repeat that reaches another
/// replica is charged there once. Holds SHA-256 hashes of the tokens, in memory only.
/// </summary>
internal sealed class ChargedSubmissions(TimeProvider time)
{
    public const int FreeRepeats = 3;
    private static readonly TimeSpan Remember = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>True when the post may go ahead: charged now through <paramref name="charge"/>, or a free repeat of a charged one.</summary>
    public bool TryCharge(string token, Func<bool> charge)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
        var fresh = new Entry(new Lazy<bool>(charge), now + Remember);
        var entry = _entries.GetOrAdd(key, fresh);
        if (!entry.Charged.Value)
        {
            // Refused, and so is any post of this token waiting on that decision; a later post is charged afresh.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            return false;
        }

        return ReferenceEquals(entry, fresh) || entry.Repeat() <= FreeRepeats || charge();
    }

    // Entries are bounded by the global submission limit (60 a minute by default), so a full pass now and then is cheap.
    private void Sweep(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + TimeSpan.FromMinutes(5)).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.Until <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed class Entry(Lazy<bool> charged, DateTimeOffset until)
    {
        private int _repeats;

        public Lazy<bool> Charged { get; } = charged;
        public DateTimeOffset Until { get; } = until;

        public int Repeat() => Interlocked.Increment(ref _repeats);
    }
}

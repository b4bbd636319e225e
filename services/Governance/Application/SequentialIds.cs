namespace EducationHub.Governance.Application;

/// <summary>
/// Version 7 UUIDs that strictly increase within this process (the millisecond part is nudged
/// forward when two are made in the same millisecond), so rows written by one request sort in the
/// order they were written: the timeline relies on it.
/// </summary>
internal static class SequentialIds
{
    private static long _lastMs;

    public static Guid Next()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long ms;
        long last;
        do
        {
            last = Interlocked.Read(ref _lastMs);
            ms = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastMs, ms, last) != last);

        return Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(ms));
    }
}

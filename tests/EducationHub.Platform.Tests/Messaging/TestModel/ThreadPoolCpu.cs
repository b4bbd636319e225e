using System.Globalization;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>
/// CPU time of each of this process's thread-pool threads, from /proc (Linux, where the tests run):
/// enough to see one thread kept busy without counting the runtime's own background threads.
/// </summary>
public static class ThreadPoolCpu
{
    private const string ThreadPoolWorker = ".NET TP Worker";

    /// <summary>Thread id → CPU time so far, for the thread-pool threads alive now.</summary>
    public static IReadOnlyDictionary<int, TimeSpan> Snapshot()
    {
        var threads = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(ThreadPoolWorker, StringComparison.Ordinal))
                    continue;
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = CpuOf(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }
        return threads;
    }

    /// <summary>The most CPU any one thread-pool thread used since <paramref name="before"/>.</summary>
    public static TimeSpan BusiestSince(IReadOnlyDictionary<int, TimeSpan> before) =>
        Snapshot().Select(t => t.Value - before.GetValueOrDefault(t.Key)).DefaultIfEmpty(TimeSpan.Zero).Max();

    // utime and stime are the 14th and 15th fields, counted after the parenthesised name (which may hold
    // spaces), in clock ticks of 1/100 s (USER_HZ on Linux).
    private static TimeSpan CpuOf(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}

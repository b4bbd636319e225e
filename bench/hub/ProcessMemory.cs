namespace EducationHub.Bench.Hub;

/// <summary>The whole process's resident memory from /proc (managed heap, native allocations, SQLite cache, code).</summary>
internal static class ProcessMemory
{
    public static long PeakRssBytes() => Field("VmHWM:");

    public static long CurrentRssBytes() => Field("VmRSS:");

    private static long Field(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(name, StringComparison.Ordinal))
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return Environment.WorkingSet;
    }
}

using System.Diagnostics;

namespace EducationHub.Bench.Hub;

/// <summary>
/// CPU time this process has used (user + system, all threads). On a machine shared with other
/// work, wall time mostly measures the neighbours; CPU time per build is what the code costs.
/// A PostgreSQL server's own CPU is in its processes, not here.
/// </summary>
internal static class ProcessCpu
{
    public static double Milliseconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }
}

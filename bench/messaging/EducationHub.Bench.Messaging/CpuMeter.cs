using System.Diagnostics;
using System.Globalization;

namespace EducationHub.Bench.Messaging;

/// <summary>CPU seconds used by each party of a run: this process, the RabbitMQ node, the PostgreSQL server,
/// and child processes of this one that finished during the run (the external load generator).</summary>
public sealed record CpuUse(double Bench, double Broker, double Database, double Children)
{
    public double Total => Bench + Broker + Database + Children;
}

/// <summary>
/// Reads CPU time from /proc (Linux) for this process, the broker node (the beam process whose
/// command line names <c>EHUB_RABBITMQ_DIR</c>) and the PostgreSQL postmaster and all its
/// children (<c>EHUB_POSTGRES_DIR</c>). Backends come and go, so each snapshot keeps per-process
/// times and a delta only counts what a process used between the two snapshots. Where a party
/// cannot be found (no /proc, variables unset) its figure is NaN rather than a guess.
/// </summary>
public sealed class CpuMeter
{
    private static readonly double TicksPerSecond = ClockTicks();
    private readonly int? _brokerPid = FindBroker();
    private readonly int? _postmasterPid = FindPostmaster();

    public Snapshot Take()
    {
        var bench = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var broker = _brokerPid is { } b ? TreeTimes(b) : null;
        var database = _postmasterPid is { } p ? TreeTimes(p) : null;
        return new Snapshot(bench, broker, database, ReapedChildrenSeconds());
    }

    public static CpuUse Between(Snapshot before, Snapshot after) => new(
        after.Bench - before.Bench,
        Delta(before.Broker, after.Broker),
        Delta(before.Database, after.Database),
        after.Children - before.Children);

    public sealed record Snapshot(double Bench, Dictionary<int, double>? Broker, Dictionary<int, double>? Database, double Children);

    /// <summary>CPU seconds of this process's children that have exited and been waited for (cutime + cstime).</summary>
    private static double ReapedChildrenSeconds()
    {
        var fields = StatFields("self");
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>The fields of /proc/PID/stat after the command name, which is in parentheses and may contain spaces.</summary>
    private static string[] StatFields(string pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        return text[(text.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static double Delta(Dictionary<int, double>? before, Dictionary<int, double>? after) =>
        before is null || after is null
            ? double.NaN
            : after.Sum(kv => kv.Value - before.GetValueOrDefault(kv.Key));

    /// <summary>CPU seconds of a process and its direct children (PostgreSQL backends; beam's helpers).</summary>
    private static Dictionary<int, double> TreeTimes(int root)
    {
        var times = new Dictionary<int, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            var stat = ReadStat(pid);
            if (stat is null)
                continue;
            var (ppid, seconds) = stat.Value;
            if (pid == root || ppid == root)
                times[pid] = seconds;
        }
        return times;
    }

    private static (int ParentPid, double Seconds)? ReadStat(int pid)
    {
        try
        {
            var fields = StatFields(pid.ToString(CultureInfo.InvariantCulture));
            var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (ppid, ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? FindBroker()
    {
        var dir = Environment.GetEnvironmentVariable("EHUB_RABBITMQ_DIR");
        if (string.IsNullOrEmpty(dir) || !Directory.Exists("/proc"))
            return null;
        foreach (var procDir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(procDir), out var pid))
                continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(procDir, "cmdline"));
                if (cmdline.Contains("beam", StringComparison.Ordinal) && cmdline.Contains(dir, StringComparison.Ordinal))
                    return pid;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    private static int? FindPostmaster()
    {
        var dir = Environment.GetEnvironmentVariable("EHUB_POSTGRES_DIR");
        var pidFile = string.IsNullOrEmpty(dir) ? null : Path.Combine(dir, "data", "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile))
            return null;
        return int.TryParse(File.ReadLines(pidFile).First(), out var pid) ? pid : null;
    }

    // USER_HZ is 100 on every mainstream Linux build; getconf is asked in case this one differs.
    private static double ClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            var output = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(output, CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}

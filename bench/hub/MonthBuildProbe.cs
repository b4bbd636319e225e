using System.Diagnostics;
using System.Globalization;
using EducationHub.Hub;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Bench.Hub;

/// <summary>
/// Runs in its own process so its peak resident set is the month build's alone: a hub host on an
/// already loaded database, one warm-up build, then timed builds through the real service
/// (<see cref="RiskListService.DraftAsync"/>, the cache defeated by bumping the data version), or
/// through the previous design (every row materialised, indexed in memory, last month built in
/// full) for comparison. Prints one result line for the parent.
/// </summary>
internal static class MonthBuildProbe
{
    public const string Streamed = "streamed";
    public const string MaterialiseAll = "materialise-all";

    public static async Task<int> RunAsync(string path, string database, int runs)
    {
        var settings = database.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? new Dictionary<string, string?> { ["ConnectionStrings:hub"] = database } // the host's own scratch directory, deleted on dispose
            : new Dictionary<string, string?> { ["Persistence:DataDirectory"] = database };
        await using var host = await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), settings, serviceName: "hub");
        var month = RiskMonth.Containing(DateTimeOffset.UtcNow);
        var rssBefore = ProcessMemory.CurrentRssBytes();

        var coldClock = Stopwatch.StartNew();
        var listed = await BuildAsync(host, path, month); // warm-up: JIT, connection pool, SQLite page cache
        var coldMs = coldClock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        var allocated = new List<long>();
        var cpu = new List<double>();
        var gen2 = GC.CollectionCount(2);
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var bytes = GC.GetTotalAllocatedBytes(true);
            var cpuBefore = ProcessCpu.Milliseconds();
            var sw = Stopwatch.StartNew();
            listed = await BuildAsync(host, path, month);
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add(ProcessCpu.Milliseconds() - cpuBefore);
            allocated.Add(GC.GetTotalAllocatedBytes(true) - bytes);
        }
        gen2 = GC.CollectionCount(2) - gen2;
        var inRunOrder = string.Join('/', times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)));
        var peakManaged = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        times.Sort();
        cpu.Sort();

        // Stage split for the streamed path: how long reading alone takes (rows streamed and grouped, nothing computed).
        var readCpuBefore = ProcessCpu.Milliseconds();
        var readBytesBefore = GC.GetTotalAllocatedBytes(true);
        var readMs = path == Streamed ? await ReadOnlyAsync(host) : double.NaN;
        var readCpuMs = path == Streamed ? ProcessCpu.Milliseconds() - readCpuBefore : double.NaN;
        var readAllocatedMb = path == Streamed ? (GC.GetTotalAllocatedBytes(true) - readBytesBefore) / 1e6 : double.NaN;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"RESULT path={path} listed={listed} cold_ms={coldMs:0} median_ms={times[times.Count / 2]:0} min_ms={times[0]:0} max_ms={times[^1]:0} read_only_ms={readMs:0} cpu_ms={cpu[cpu.Count / 2]:0} read_only_cpu_ms={readCpuMs:0} read_only_allocated_mb={readAllocatedMb:0} " +
            $"allocated_mb={allocated.Average() / 1e6:0} gen2={gen2} rss_before_mb={rssBefore / 1e6:0} peak_rss_mb={ProcessMemory.PeakRssBytes() / 1e6:0} heap_after_mb={peakManaged / 1e6:0} runs_ms={inRunOrder}"));
        return 0;
    }

    private static async Task<int> BuildAsync(TestServiceHost host, string path, RiskMonth month)
    {
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        if (path == Streamed)
        {
            services.GetRequiredService<HubDataVersion>().Bump(); // the next call computes instead of answering from the draft cache
            return (await services.GetRequiredService<RiskListService>().DraftAsync(month, CancellationToken.None)).Entries.Count;
        }
        return (await MaterialiseAllAsync(services.GetRequiredService<HubReadModel>(), services.GetRequiredService<RiskListBuilder>(), month)).Entries.Count;
    }

    /// <summary>The design before the streamed build: every entry loaded, indexed in memory, last month built in full.</summary>
    private static async Task<MonthlyRiskList> MaterialiseAllAsync(HubReadModel read, RiskListBuilder builder, RiskMonth month)
    {
        var ct = CancellationToken.None;
        var now = DateTimeOffset.UtcNow;
        var schools = await read.SchoolsAsync(ct);
        var timelines = TimelineIndex.Build(await read.TimelineAsync(now, ct), schools);
        var decisionsPrevious = await read.DecisionsAsync(month.Previous, ct);
        var before = await read.DecisionsAsync(month.Previous.Previous, ct);
        var previous = builder.Build(new RiskListInputs(month.Previous, month.Previous.EvaluationInstant(now), now, schools, timelines, null, before, decisionsPrevious));
        return builder.Build(new RiskListInputs(month, month.EvaluationInstant(now), now, schools, timelines, SnapshotJson.ToPrevious(previous),
            decisionsPrevious, await read.DecisionsAsync(month, ct)));
    }

    private static async Task<double> ReadOnlyAsync(TestServiceHost host)
    {
        using var scope = host.Services.CreateScope();
        var read = scope.ServiceProvider.GetRequiredService<HubReadModel>();
        var schools = await read.SchoolsAsync(CancellationToken.None);
        var sw = Stopwatch.StartNew();
        var rows = 0;
        await foreach (var (_, timeline) in read.TimelineBySchoolAsync(DateTimeOffset.UtcNow, schools, CancellationToken.None)) rows += timeline.Count;
        return rows > 0 ? sw.Elapsed.TotalMilliseconds : double.NaN;
    }
}

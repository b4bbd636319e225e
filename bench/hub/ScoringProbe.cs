using System.Diagnostics;
using System.Globalization;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;

namespace EducationHub.Bench.Hub;

/// <summary>
/// Scoring alone, without a database: the synthetic nation's timelines are indexed in memory once,
/// then each run scores them the way the streamed build does (this month explained, last month
/// ranked only), on this thread, so the CPU and bytes allocated of each phase are scoring's and
/// nothing else's. A CPU reference (sorting 10M ints) is measured in the same process, so figures
/// from a loaded machine can be compared as ratios.
/// </summary>
internal static class ScoringProbe
{
    public static int Run(int schoolCount, int eventCount, int runs)
    {
        var now = DateTimeOffset.UtcNow;
        var (schools, entries) = SyntheticNation.Build(schoolCount, eventCount, now);
        var timelines = TimelineIndex.Build(entries, schools);
        entries.Clear();
        var builder = new RiskListBuilder(new PriorityCalculator(PriorityModel.Default));
        var month = RiskMonth.Containing(now);
        var none = new Dictionary<int, EigDecision>();
        var thisMonth = new RiskListFrame(month, month.EvaluationInstant(now), now, schools, none, none);
        var lastMonth = new RiskListFrame(month.Previous, month.Previous.EvaluationInstant(now), now, schools, none, none);

        Score(builder, timelines, thisMonth, lastMonth); // warm-up: JIT
        var rankMs = new List<double>();
        var rankMb = new List<double>();
        var listMs = new List<double>();
        var listMb = new List<double>();
        var listed = 0;
        for (var i = 0; i < runs; i++)
        {
            var (r, l, count) = Score(builder, timelines, thisMonth, lastMonth);
            rankMs.Add(r.Ms); rankMb.Add(r.Mb); listMs.Add(l.Ms); listMb.Add(l.Mb);
            listed = count;
        }
        if (Environment.GetEnvironmentVariable("EHUB_BENCH_ALLOC_TYPES") == "1") PrintAllocationsByType(builder, timelines, thisMonth, lastMonth);
        var reference = HubBenchmarks.Reference();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SCORING load={HubBenchmarks.LoadAverage().Replace(' ', '/')} reference_ms={reference:0} schools={schoolCount} events={eventCount} listed={listed} runs={runs} " +
            $"ranking_cpu_ms={Median(rankMs):0} ranking_allocated_mb={Median(rankMb):0} list_cpu_ms={Median(listMs):0} list_allocated_mb={Median(listMb):0} " +
            $"scoring_cpu_per_reference={(Median(rankMs) + Median(listMs)) / reference:0.00}"));
        return 0;
    }

    private static ((double Ms, double Mb) Ranking, (double Ms, double Mb) List, int Listed) Score(
        RiskListBuilder builder, Dictionary<int, List<TimelineEntry>> timelines, RiskListFrame thisMonth, RiskListFrame lastMonth)
    {
        GC.Collect();
        PreviousList previous = null!;
        var ranking = Measure(() =>
        {
            var assembly = builder.BeginRanking(lastMonth);
            foreach (var (urn, timeline) in timelines) assembly.Add(urn, timeline);
            previous = assembly.Rank(null);
        });
        GC.Collect();
        var listed = 0;
        var list = Measure(() =>
        {
            var assembly = builder.Begin(thisMonth);
            foreach (var (urn, timeline) in timelines) assembly.Add(urn, timeline);
            listed = assembly.Finish(previous).Entries.Count;
        });
        return (ranking, list, listed);
    }

    /// <summary>One more scoring with allocations sampled by type (not timed: the listener costs CPU).</summary>
    private static void PrintAllocationsByType(RiskListBuilder builder, Dictionary<int, List<TimelineEntry>> timelines, RiskListFrame thisMonth, RiskListFrame lastMonth)
    {
        using var sampler = new AllocationSampler();
        var ranking = builder.BeginRanking(lastMonth);
        sampler.Start();
        foreach (var (urn, timeline) in timelines) ranking.Add(urn, timeline);
        var previous = ranking.Rank(null);
        foreach (var (type, bytes) in sampler.Stop(12)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ALLOC ranking {bytes / 1e6,8:0.0} MB {type}"));
        using var listSampler = new AllocationSampler();
        var list = builder.Begin(thisMonth);
        listSampler.Start();
        foreach (var (urn, timeline) in timelines) list.Add(urn, timeline);
        list.Finish(previous);
        foreach (var (type, bytes) in listSampler.Stop(20)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ALLOC list {bytes / 1e6,8:0.0} MB {type}"));
    }

    /// <summary>This process's CPU (user + system) and this thread's allocations while <paramref name="phase"/> runs.</summary>
    private static (double Ms, double Mb) Measure(Action phase)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ProcessCpu.Milliseconds();
        phase();
        return (ProcessCpu.Milliseconds() - cpu, (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

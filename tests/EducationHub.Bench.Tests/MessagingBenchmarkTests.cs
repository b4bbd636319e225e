using System.Globalization;
using System.Text.RegularExpressions;

namespace EducationHub.Bench.Tests;

/// <summary>bench/messaging at a tiny size: every path runs to the end and crosses the broker exactly once per event.</summary>
public sealed partial class MessagingBenchmarkTests
{
    [Fact]
    public async Task Every_path_delivers_each_event_exactly_once_and_the_report_is_complete()
    {
        // The allocation sampler is on too, so its report can be checked against the GC's own count, and so
        // are the floor phases (the call publishing straight on the bus, with and without the consumer's database).
        var run = await BenchProgram.RunAsync("bench/messaging/EducationHub.Bench.Messaging", "EducationHub.Bench.Messaging", ["300", "16"], TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["EHUB_BENCH_ALLOC_TRACE"] = "5", ["EHUB_BENCH_FLOORS"] = "1" });

        Assert.True(run.ExitCode == 0 && !run.TimedOut, run.Describe());
        // Raw, end to end with the .NET client, end to end with h2load writers (./test.sh installs nghttp2-client)
        // and both floors.
        Assert.Contains("Broker traffic per event (publishes, deliveries): raw 1.000, 1.000, end to end 1.000, 1.000, end to end with h2load writers 1.000, 1.000, "
            + "floor without the producer's database 1.000, 1.000, floor without any database 1.000, 1.000.", run.Stdout, StringComparison.Ordinal);
        Assert.True(Ratio(run.Stdout, "ratio end-to-end / raw") > 0, run.Stdout);
        Assert.True(Ratio(run.Stdout, "ratio end-to-end with h2load writers / raw") > 0, run.Stdout);
        Assert.True(Ratio(run.Stdout, "ratio floor without the producer's database / raw") > 0, run.Stdout);
        Assert.True(Ratio(run.Stdout, "ratio floor without any database / raw") > 0, run.Stdout);
        // The CPU table read every party from /proc: numbers, not NaN, for this process, RabbitMQ and PostgreSQL.
        var cpu = Regex.Match(run.Stdout, @"^\| end to end, h2load writers \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \|", RegexOptions.Multiline);
        Assert.True(cpu.Success, run.Stdout);
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(double.Parse(cpu.Groups[i].Value, CultureInfo.InvariantCulture) > 0, cpu.Value));
        AssertAllocationTraceAgreesWithTheGc(run.Stdout);
    }

    /// <summary>
    /// The sampler (one sample per ~100 KB, by type) and the GC's allocated-bytes counter measure the same
    /// thing. The last round sampled is the last raw run, so its total must be near that row's KB per event.
    /// </summary>
    private static void AssertAllocationTraceAgreesWithTheGc(string output)
    {
        var sampled = Regex.Matches(output, @"^  allocated \(sampled every ~100 KB\): ([0-9.]+) KB per event", RegexOptions.Multiline);
        Assert.True(sampled.Count > 0, output);
        Assert.True(Regex.IsMatch(output, @"^ +[0-9]+ +[0-9.]+ %  System\.(String|Byte\[\])$", RegexOptions.Multiline), output);
        Assert.DoesNotContain("(incomplete:", output, StringComparison.Ordinal);
        var counted = Regex.Match(output, @"^\| raw, after end to end \|(?: [^|]+ \|){7} ([0-9.]+) \|", RegexOptions.Multiline);
        Assert.True(counted.Success, output);
        var lastSampled = double.Parse(sampled[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var lastCounted = double.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(lastSampled, lastCounted * 0.5, lastCounted * 1.5);
    }

    private static double Ratio(string output, string label)
    {
        var match = Regex.Match(output, "^" + Regex.Escape(label) + @" = ([0-9.]+) ", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{label}' line in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

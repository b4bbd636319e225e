using System.Diagnostics;
using System.Globalization;
using System.Text;
using EducationHub.Grpc.Client;
using EducationHub.Hub;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Hosting;
using Npgsql;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Bench.Hub;

/// <summary>
/// The hub's targets, measured on real databases: (1) the month build through the service's own
/// code path on SQLite and on PostgreSQL, each in a separate process (<see cref="MonthBuildProbe"/>)
/// so peak memory is the build's, with the previous materialise-everything design measured in the
/// same run as the reference; (2) paged list reads through gRPC; (3) ingestion through RabbitMQ
/// against raw MassTransit (<see cref="IngestionBench"/>). A CPU reference (sorting 10M ints) and
/// the load average are recorded so runs on a busy and a quiet machine can be compared.
/// </summary>
internal static class HubBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<string> RunAsync(int schoolCount, int eventCount, int ingestCount)
    {
        var rabbit = Environment.GetEnvironmentVariable("EHUB_RABBITMQ_URL") ?? throw new InvalidOperationException("EHUB_RABBITMQ_URL is not set (bench/hub/run.sh starts RabbitMQ)");
        var postgres = Environment.GetEnvironmentVariable("EHUB_POSTGRES") ?? throw new InvalidOperationException("EHUB_POSTGRES is not set (bench/hub/run.sh starts PostgreSQL)");
        var sb = new StringBuilder();
        var now = DateTimeOffset.UtcNow;
        sb.AppendLine("# Hub benchmark results").AppendLine();
        sb.AppendLine(Inv, $"Run {now:u} on {Environment.MachineName}: {Environment.ProcessorCount} logical CPUs ({CpuModel()}), {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1)} GB available, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version} ({GcMode()}); load average at start {LoadAverage()}.");
        sb.AppendLine(Inv, $"CPU reference in the same run: sorting 10,000,000 random ints took **{Reference():0} ms** (lower = faster or quieter machine).").AppendLine();

        var (schools, entries) = SyntheticNation.Build(schoolCount, eventCount, now);
        var sqliteDir = Directory.CreateTempSubdirectory("ehub-bench-hub-sqlite-").FullName;
        var pgDatabase = $"ehub_bench_hub_{Guid.NewGuid():N}"[..30];
        var pgConnection = new NpgsqlConnectionStringBuilder(postgres) { Database = pgDatabase }.ConnectionString;
        try
        {
            var sqliteLoad = await LoadSqliteAsync(sqliteDir, schools, entries);
            var pgLoad = await LoadPostgresAsync(postgres, pgDatabase, pgConnection, schools, entries);
            var month = RiskMonth.Containing(now);
            entries = null!; // the children read the databases; the parent's copy must not hold memory meanwhile
            GC.Collect();

            var probes = new List<(string Db, Dictionary<string, string> R)>();
            foreach (var (db, target) in new[] { ("SQLite", sqliteDir), ("PostgreSQL", pgConnection) })
                foreach (var path in new[] { MonthBuildProbe.Streamed, MonthBuildProbe.MaterialiseAll })
                    probes.Add((db, await ProbeAsync(path, target)));
            MonthBuildSection(sb, schoolCount, eventCount, sqliteLoad, pgLoad, probes);

            await PagedAsync(sb, sqliteDir, month, eventCount);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDir, recursive: true);
        }

        sb.AppendLine().AppendLine("## 3. Event ingestion via RabbitMQ").AppendLine();
        sb.AppendLine(Inv, $"Load average before: {LoadAverage()}.");
        var run = await IngestionBench.RunAsync(rabbit, postgres, ingestCount);
        var (raw, hub) = (run.Raw, run.Hub);
        sb.AppendLine();
        sb.AppendLine("| path | events | seconds | events/s | target |").AppendLine("| --- | ---: | ---: | ---: | --- |");
        sb.AppendLine(Inv, $"| raw MassTransit publish → counting consumers (reference) | {raw.Events:N0} | {raw.Seconds:0.00} | {raw.PerSecond:N0} | |");
        sb.AppendLine(Inv, $"| publish → hub consumers → shared inbox + timeline row, PostgreSQL | {hub.Events:N0} | {hub.Seconds:0.00} | **{hub.PerSecond:N0}** | ≥ 3,000 events/s |");
        sb.AppendLine().AppendLine(Inv, $"Hub / raw = **{hub.PerSecond / raw.PerSecond:0.00}**. Load average after: {LoadAverage()}.");
        sb.AppendLine().AppendLine(Inv, $"CPU per event (ms, from /proc): {IngestionBench.CpuLine(run)}.");
        return sb.ToString();
    }

    /// <summary>Loads the synthetic nation into a SQLite directory and a new PostgreSQL database and keeps both (for probing by hand).</summary>
    public static async Task LoadOnlyAsync(int schoolCount, int eventCount, string sqliteDir, string pgConnection)
    {
        var (schools, entries) = SyntheticNation.Build(schoolCount, eventCount, DateTimeOffset.UtcNow);
        var database = new NpgsqlConnectionStringBuilder(pgConnection).Database ?? throw new ArgumentException("the connection string names no database");
        Directory.CreateDirectory(sqliteDir);
        var sqliteSeconds = await LoadSqliteAsync(sqliteDir, schools, entries);
        var pgSeconds = await LoadPostgresAsync(pgConnection, database, pgConnection, schools, entries);
        Console.WriteLine(string.Create(Inv, $"loaded: SQLite {sqliteSeconds:0.0} s, PostgreSQL {pgSeconds:0.0} s"));
    }

    private static async Task<double> LoadSqliteAsync(string dir, Dictionary<int, SchoolInfo> schools, List<TimelineEntry> entries)
    {
        // The hub's own start-up creates the schema (its migration); then the rows go in directly.
        await (await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), new Dictionary<string, string?> { ["Persistence:DataDirectory"] = dir }, serviceName: "hub")).DisposeAsync();
        var sw = Stopwatch.StartNew();
        await BulkLoad.SqliteAsync(Path.Combine(dir, "hub.db"), schools, entries);
        var seconds = sw.Elapsed.TotalSeconds;
        await BulkLoad.CheckpointSqliteAsync(Path.Combine(dir, "hub.db"));
        return seconds;
    }

    private static async Task<double> LoadPostgresAsync(string server, string database, string connection, Dictionary<int, SchoolInfo> schools, List<TimelineEntry> entries)
    {
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        // No data directory given: the test host makes its own scratch one and deletes it on dispose.
        await (await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(),
            new Dictionary<string, string?> { ["ConnectionStrings:hub"] = connection }, serviceName: "hub")).DisposeAsync();
        var sw = Stopwatch.StartNew();
        await BulkLoad.PostgresAsync(connection, schools, entries);
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Builds timed per probe after its warm-up: five, so one slow build (a gen-2 collection, a tier-up) does not set the median.</summary>
    private const int TimedBuilds = 5;

    private static async Task<Dictionary<string, string>> ProbeAsync(string path, string database)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(HubBenchmarks).Assembly.Location);
        foreach (var a in new[] { "probe", path, database, TimedBuilds.ToString(Inv) }) start.ArgumentList.Add(a);
        var load = LoadAverage();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"probe {path} failed (exit {process.ExitCode}):\n{stdout}\n{await stderr}");
        var result = line["RESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        result["load"] = load;
        Console.WriteLine(line);
        return result;
    }

    private static void MonthBuildSection(StringBuilder sb, int schoolCount, int eventCount, double sqliteLoad, double pgLoad, List<(string Db, Dictionary<string, string> R)> probes)
    {
        sb.AppendLine("## 1. Month list build from the hub's database").AppendLine();
        sb.AppendLine(string.Create(Inv, $"{schoolCount:N0} schools and {eventCount:N0} timeline events (SyntheticNation: skewed, 14 kinds) loaded into the hub's own schema (SQLite {sqliteLoad:0.0} s with one prepared insert in one transaction; PostgreSQL {pgLoad:0.0} s with binary COPY). ") +
                          $"Each row below is a separate process: a hub host on that database, one warm-up build, then {TimedBuilds} timed builds of the current month's draft (last month unpublished, so both months are computed). " +
                          "**streamed** is the service's code path (`RiskListService.DraftAsync`, draft cache defeated); **materialise-all** is the previous design (every row loaded as an entity, indexed in memory, last month built in full), measured in the same run as the reference. " +
                          "Peak RSS is the whole process's high-water mark (`VmHWM`: runtime, host, SQLite cache, managed heap), including the host's own start-up.").AppendLine();
        sb.AppendLine($"| database | path | listed | first (cold) build | build median (min–max) | timed builds in run order, ms | reading alone (separate pass) | allocated per build | gen-2 GCs ({TimedBuilds} builds) | RSS before first build | **peak RSS** | load avg at start |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (db, r) in probes)
        {
            var read = r["read_only_ms"] == "NaN" ? "–" : $"{r["read_only_ms"]} ms";
            sb.AppendLine(Inv, $"| {db} | {r["path"]} | {int.Parse(r["listed"], Inv):N0} | {r["cold_ms"]} ms | **{r["median_ms"]} ms** ({r["min_ms"]}–{r["max_ms"]}) | {r["runs_ms"]} | {read} | {r["allocated_mb"]} MB | {r["gen2"]} | {r["rss_before_mb"]} MB | **{r["peak_rss_mb"]} MB** | {r["load"]} |");
        }
        sb.AppendLine().AppendLine("Targets: build < 2,000 ms and < 1 GB.").AppendLine();
    }

    private static async Task PagedAsync(StringBuilder sb, string sqliteDir, RiskMonth month, int eventCount)
    {
        await using var host = await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), new Dictionary<string, string?> { ["Persistence:DataDirectory"] = sqliteDir }, serviceName: "hub");
        var token = host.IssueToken("council", "hub.risklist.read");
        var options = new CallOptions { BearerToken = token };
        const string method = "/educationhub.hub.v1.HubService/ListRiskList";
        var load = LoadAverage();
        var cold = Stopwatch.StartNew();
        var first = await host.Client.UnaryAsync<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(method, new Pb.ListRiskListRequest { Month = month.ToString(), PageSize = 50 }, options);
        cold.Stop();
        var rng = new Random(3);
        var latencies = new List<double>();
        var pages = Math.Max(1, first.TotalCount / 50);
        for (var i = 0; i < 1000; i++)
        {
            var offset = rng.Next(pages) * 50;
            var pageToken = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{month}:{offset}"));
            var sw = Stopwatch.StartNew();
            await host.Client.UnaryAsync<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(method,
                new Pb.ListRiskListRequest { Month = month.ToString(), PageSize = 50, PageToken = offset == 0 ? "" : pageToken }, options);
            latencies.Add(sw.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        sb.AppendLine("## 2. Paged list query through gRPC (SQLite, one hub process)").AppendLine();
        sb.AppendLine(Inv, $"The same SQLite database; load average at start {load}. The first call computes the draft (the streamed build, cold: first JIT of the path); later pages read the cached draft (invalidated by any write).").AppendLine();
        sb.AppendLine("| measure | result | target |").AppendLine("| --- | --- | --- |");
        sb.AppendLine(Inv, $"| first page, cold (build from {eventCount:N0} rows) | {cold.Elapsed.TotalMilliseconds:0} ms | |");
        sb.AppendLine(Inv, $"| 1,000 random pages of 50: p50 | {latencies[499]:0.0} ms | |");
        sb.AppendLine(Inv, $"| p99 | **{latencies[989]:0.0} ms** | < 50 ms |");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    internal static double Reference()
    {
        var rng = new Random(1);
        var data = new int[10_000_000];
        for (var i = 0; i < data.Length; i++) data[i] = rng.Next();
        var sw = Stopwatch.StartNew();
        Array.Sort(data);
        return sw.Elapsed.TotalMilliseconds;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    /// <summary>The garbage collector this process (and so each probe, the same program) runs with.</summary>
    private static string GcMode() =>
        (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC") + ", " + System.Runtime.GCSettings.LatencyMode;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

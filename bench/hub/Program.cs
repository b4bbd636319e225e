using System.Globalization;
using EducationHub.Bench.Hub;

// Usage (bench/hub/run.sh starts RabbitMQ and PostgreSQL and sets EHUB_RABBITMQ_URL / EHUB_POSTGRES):
//   dotnet run -c Release --project bench/hub -- [schools] [events] [ingest events] [output report, default bench/hub/last-run.md]
//   dotnet run ... -- ingest <events>
//   dotnet run ... -- load <schools> <events> <SQLite dir> <PostgreSQL connection string>
//   dotnet run ... -- scoring <schools> <events> <runs>   (scoring alone, timelines in memory: CPU and allocations per phase)
// Internal: probe <streamed|materialise-all> <SQLite data directory | PostgreSQL connection string> <runs>
if (args.Length > 0 && args[0] == "probe")
    return await MonthBuildProbe.RunAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

if (args.Length > 0 && args[0] == "scoring")
    return ScoringProbe.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));

// load <schools> <events> <SQLite data directory> <PostgreSQL connection string, database created>: only loads the two
// databases and keeps them, so the month build can be probed again and again while working on it.
if (args.Length > 0 && args[0] == "load")
{
    await HubBenchmarks.LoadOnlyAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4]);
    return 0;
}

// ingest <events>: only the RabbitMQ ingestion comparison (e.g. to re-measure after messaging changes).
if (args.Length > 0 && args[0] == "ingest")
{
    var run = await IngestionBench.RunAsync(Environment.GetEnvironmentVariable("EHUB_RABBITMQ_URL")!, Environment.GetEnvironmentVariable("EHUB_POSTGRES")!,
        int.Parse(args[1], CultureInfo.InvariantCulture));
    var (raw, hub) = (run.Raw, run.Hub);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"INGEST load={HubBenchmarks.LoadAverage().Replace(' ', '/')} raw_events={raw.Events} raw_s={raw.Seconds:0.00} raw_per_s={raw.PerSecond:0} hub_s={hub.Seconds:0.00} hub_per_s={hub.PerSecond:0} ratio={hub.PerSecond / raw.PerSecond:0.00}"));
    Console.WriteLine(IngestionBench.CpuLine(run));
    return 0;
}

var schools = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25_000;
var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var ingest = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
var output = args.Length > 3 ? args[3] : Path.Combine("bench", "hub", "last-run.md");
var results = await HubBenchmarks.RunAsync(schools, events, ingest);
await File.WriteAllTextAsync(output, results);
Console.WriteLine(results);
return 0;

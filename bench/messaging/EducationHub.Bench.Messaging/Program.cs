using System.Diagnostics;
using EducationHub.Bench.Messaging;
using EducationHub.Bench.Messaging.Grpc;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.ServiceDefaults;
using EducationHub.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// Usage: dotnet run -c Release -- [events] [writers]
// Needs EHUB_RABBITMQ_URL (amqp URI) and EHUB_POSTGRES (Npgsql connection string without Database),
// as exported by deploy/local/lib-infra.sh (bench/messaging/run.sh does all of it).
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var writers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32;
var rabbit = Environment.GetEnvironmentVariable("EHUB_RABBITMQ_URL") ?? throw new InvalidOperationException("EHUB_RABBITMQ_URL is not set");
var postgres = Environment.GetEnvironmentVariable("EHUB_POSTGRES") ?? throw new InvalidOperationException("EHUB_POSTGRES is not set");
// Warm-up rounds as large as the measured run: a method called once per hundred events is promoted
// to tier 1 only in a run long enough to call it 30 times, so smaller rounds left the raw path's
// measured run compiling hundreds of methods (up to 0.8 s of JIT in a 2 s run) and understated raw.
var warmup = Math.Max(200, events);
var run = Guid.NewGuid().ToString("N")[..6];
var cpu = new CpuMeter();
const int SettledJit = 100;
const int MaxWarmupRounds = 12;
var MaxDrain = TimeSpan.FromSeconds(30);
using var tieringQueue = new TieringQueue();
// EHUB_BENCH_JIT_TRACE=N: after every round, name the N methods the JIT compiled most (JitTrace);
// with EHUB_BENCH_JIT_LOG=DIR also write every compilation and tiering event of each round to DIR/jit-NN-events.txt.
var jitTraceTop = int.TryParse(Environment.GetEnvironmentVariable("EHUB_BENCH_JIT_TRACE"), out var top) ? top : 0;
using var jitTrace = jitTraceTop > 0 ? new JitTrace() : null;
var jitLogs = 0;
// EHUB_BENCH_ALLOC_TRACE=N: after every round, name the N types the process allocated most (sampled, AllocationTrace).
var allocTraceTop = int.TryParse(Environment.GetEnvironmentVariable("EHUB_BENCH_ALLOC_TRACE"), out var allocTop) ? allocTop : 0;
using var allocTrace = allocTraceTop > 0 ? new AllocationTrace() : null;
var rawWarmedUp = false;
// EHUB_BENCH_FLOORS=1 (needs h2load): also measure the same call publishing straight on the bus, with no
// outbox and no producer database, once into the end-to-end consumer (inbox) and once into raw's consumer
// (no database at all): what the path would cost if the producer's persistence, or all persistence, were free.
var floors = Environment.GetEnvironmentVariable("EHUB_BENCH_FLOORS") == "1" && ExternalWriters.Available;

// The runtime settings the services ship with (Directory.Build.props) apply here too; say which were in force.
Console.WriteLine($"runtime: TieredPGO={AppContext.GetData("System.Runtime.TieredPGO") ?? "default"} (runtimeconfig), DOTNET_TieredPGO={Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "unset"}, DOTNET_TieredCompilation={Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "unset"}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}, GCgen0size={AppContext.GetData("System.GC.Gen0Size") ?? Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "default"}, DATAS={AppContext.GetData("System.GC.DynamicAdaptationMode") ?? Environment.GetEnvironmentVariable("DOTNET_GCDynamicAdaptationMode") ?? "default"}");
Console.WriteLine($"events={events} writers={writers} cores={Environment.ProcessorCount}; warm-up: rounds of {warmup} events (the measured run's size), each followed by up to {MaxDrain.TotalSeconds:0} s idle while the runtime's tier-1 queue drains, until a round JIT-compiles fewer than {SettledJit} methods and fewer than {SettledJit} wait for tier 1 (at most {MaxWarmupRounds} rounds)");

// Phase 1: raw MassTransit publish → consume of the same message on the same broker.
var rawBefore = await RunRawAsync();
// Phase 2: gRPC call → application write (domain row + outbox row, group-committed with concurrent calls) → dispatcher
// → RabbitMQ → idempotent consumer (inbox row + applied row, group-committed) → committed.
// Phase 3 runs inside phase 2's host: the same gRPC call with nothing behind it, unpaced and then
// paced at the end-to-end rate (the call, like publish/consume, costs more per call at a lower rate).
// Phase 3b (when h2load is installed): end to end again in the same host, the writers being h2load, a
// separate lean process, instead of the .NET client inside this one (see ExternalWriters).
var (e2e, calls, callsPaced, external, floorInbox) = await RunEndToEndAsync();
var h2load = external?.Result;
var floorBare = floors ? await RunFloorWithoutDatabaseAsync() : null;
// Phase 4: raw again, paced at the end-to-end rate, so the broker's CPU per event can be compared at equal rates
// (a broker batches less at a lower rate, so part of its higher cost end to end may be the rate alone).
var rawPaced = await RunRawAsync(e2e.PerSecond);
// Phase 5: raw once more, unpaced. A raw run lasts 2-3 s and its rate varied 6,400-8,900 events/s
// between runs on this machine; the ratio is taken against the faster of the two, so a slow raw
// run cannot flatter the end-to-end path.
var rawAfter = await RunRawAsync();
var raw = rawAfter.PerSecond > rawBefore.PerSecond ? rawAfter : rawBefore;

Console.WriteLine();
Console.WriteLine("| path | events | seconds | events/s | p50 ms | p99 ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(rawBefore.Row("raw MassTransit publish/consume, before end to end"));
Console.WriteLine(rawAfter.Row("raw MassTransit publish/consume, after end to end"));
Console.WriteLine(e2e.Row("gRPC write → outbox → RabbitMQ → consumer → inbox → committed"));
if (h2load is not null)
    Console.WriteLine(h2load.Row("the same, writers = h2load in its own process (latency from the server's receipt of the call)"));
RatioLine("ratio end-to-end / raw", e2e);
if (floorInbox is not null)
    Console.WriteLine(floorInbox.Row("floor: h2load → publish, no outbox or producer database → consumer → inbox → committed"));
if (floorBare is not null)
    Console.WriteLine(floorBare.Row("floor: h2load → publish → consumer that does nothing (no database at all)"));
if (external is { } ext)
{
    RatioLine("ratio end-to-end with h2load writers / raw", ext.Result);
    Console.WriteLine($"h2load's view of the calls: {ext.RequestTimes}");
}
if (floorInbox is not null)
    RatioLine("ratio floor without the producer's database / raw", floorInbox);
if (floorBare is not null)
    RatioLine("ratio floor without any database / raw", floorBare);
Console.WriteLine();
Console.WriteLine("Where the time went (per stage: the rate at which events reached it since the first start,");
Console.WriteLine("and the wait from the previous stage; the slowest rate bounds the path):");
Console.WriteLine();
Console.WriteLine("| path | stage | reached, events/s | wait p50 ms | wait p99 ms |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
StageRows(raw == rawBefore ? "raw (before)" : "raw (after)", raw.Clock);
StageRows("end to end", e2e.Clock);
if (h2load is not null)
    StageRows("end to end, h2load writers", h2load.Clock);
Console.WriteLine();
Console.WriteLine($"Broker traffic per event (publishes, deliveries): raw {raw.Traffic}, end to end {e2e.Traffic}{(h2load is null ? "" : $", end to end with h2load writers {h2load.Traffic}")}{(floorInbox is null ? "" : $", floor without the producer's database {floorInbox.Traffic}")}{(floorBare is null ? "" : $", floor without any database {floorBare.Traffic}")}.");
Console.WriteLine();
Console.WriteLine("CPU per event (ms of CPU time, from /proc; the machine has " + Environment.ProcessorCount + " cores, so a path cannot go faster");
Console.WriteLine("than cores × 1000 / total ms per event even if nothing else runs):");
Console.WriteLine();
Console.WriteLine("| path | this process (.NET) | RabbitMQ | PostgreSQL | h2load | total | ceiling on this machine, events/s | JIT in the run: methods, ms | .NET allocated, KB/event | GCs gen0/1/2 |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
CpuRow("raw, before end to end", rawBefore);
CpuRow("raw, after end to end", rawAfter);
CpuRow("end to end", e2e);
if (h2load is not null)
    CpuRow("end to end, h2load writers", h2load);
if (floorInbox is not null)
    CpuRow("floor: h2load, no outbox or producer database", floorInbox);
if (floorBare is not null)
    CpuRow("floor: h2load, no database at all", floorBare);
CpuRow("gRPC call alone (Echo: no write, no event)", calls);
CpuRow($"gRPC call alone, paced at the end-to-end rate ({callsPaced.PerSecond:0} calls/s reached)", callsPaced);
CpuRow($"raw, paced at the end-to-end rate ({rawPaced.PerSecond:0} events/s reached)", rawPaced);
Console.WriteLine();
// Paced runs leave this process idle between events, and waking its threads for each one costs CPU a
// saturated process does not pay (the paced call cost 0.13-0.16 ms against 0.03-0.04 unpaced, and
// 0.10 with the thread pool's spin-waiting off), so paced .NET figures are upper bounds, not a floor
// to subtract from the end-to-end path's: the closing line only states them side by side.
Console.WriteLine($"gRPC call alone: {calls.PerSecond:0} calls/s from {writers} concurrent callers, p50 {calls.P50:0.0} ms, p99 {calls.P99:0.0} ms.");
Console.WriteLine($".NET CPU per event: end to end {e2e.BenchMsPerEvent:0.00} ms{(h2load is null ? "" : $" ({h2load.BenchMsPerEvent:0.00} with h2load writers)")}; the call alone {calls.BenchMsPerEvent:0.00} unpaced, {callsPaced.BenchMsPerEvent:0.00} paced; raw publish/consume {raw.BenchMsPerEvent:0.00} unpaced, {rawPaced.BenchMsPerEvent:0.00} paced");
Console.WriteLine("(paced figures include waking an otherwise idle process for every event, so they overstate what the same work costs inside the saturated end-to-end run).");
Console.WriteLine($"RabbitMQ's CPU per event end to end exceeds raw's at the same rate by {(e2e.Cpu.Broker - rawPaced.Cpu.Broker) * 1000.0 / events:0.00} ms.");
return 0;

// Warms up only the first time: the JIT's work is per process.
async Task<Result> RunRawAsync(double? pace = null)
{
    var builder = CreateBuilder($"bench-raw-{run}");
    builder.Services.AddEventConsumer<RawConsumer, BenchDefinition<RawConsumer>>();
    using var host = builder.Build();
    await host.StartAsync();
    var bus = host.Services.GetRequiredService<IBus>();
    try
    {
        if (!rawWarmedUp)
            await WarmUpAsync("raw", bus, (n, clock) => PublishRawAsync(bus, n, clock, null));
        rawWarmedUp = true;
        return await MeasureAsync(bus, events, (n, clock) => PublishRawAsync(bus, n, clock, pace));
    }
    finally
    {
        await host.StopAsync();
        await BrokerEndpoints.DeleteAsync(rabbit, host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<RawConsumer>());
    }
}

async Task PublishRawAsync(IBus bus, int count, StageClock clock, double? perSecond)
{
    // As many publishes in flight as the outbox dispatcher uses (one batch): same confirm pipelining.
    using var inflight = new SemaphoreSlim(200);
    var tasks = new List<Task>(count);
    var start = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
    {
        // Paced: event i is not published before i / perSecond seconds (in steps of about 10 ms, as timers allow).
        if (perSecond is { } rate && TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start) is { TotalMilliseconds: > 5 } ahead)
            await Task.Delay(ahead);
        await inflight.WaitAsync();
        var e = NewEvent(i, clock);
        tasks.Add(bus.Publish(e, ctx => ctx.MessageId = e.EventId).ContinueWith(_ => inflight.Release(), TaskScheduler.Default));
    }
    await Task.WhenAll(tasks);
}

async Task<(Result EndToEnd, Result Calls, Result CallsPaced, (Result Result, string RequestTimes)? External, Result? FloorInbox)> RunEndToEndAsync()
{
    var producerDb = $"bench_producer_{run}";
    var consumerDb = $"bench_consumer_{run}";
    await ExecAsync($"CREATE DATABASE {producerDb}");
    await ExecAsync($"CREATE DATABASE {consumerDb}");
    try
    {
        // The producing service as deployed: AddServiceDefaults (Kestrel, our gRPC layer, auth
        // interceptor, telemetry, health, the bus), its database with the outbox, and a consumer
        // with its own database. Writes arrive as gRPC calls from a client on the same machine.
        var builder = CreateServiceBuilder($"bench-e2e-{run}", new()
        {
            ["ConnectionStrings:producer"] = new NpgsqlConnectionStringBuilder(postgres) { Database = producerDb, MaxPoolSize = 100 }.ConnectionString,
            ["ConnectionStrings:consumer"] = new NpgsqlConnectionStringBuilder(postgres) { Database = consumerDb, MaxPoolSize = 100 }.ConnectionString,
        });
        builder.AddServiceDatabase<ProducerDb>("producer");
        builder.AddServiceDatabase<ConsumerDb>("consumer");
        builder.Services.AddOutbox<ProducerDb>();
        builder.Services.AddEventConsumer<AppliedConsumer, BenchDefinition<AppliedConsumer>>();
        await using var app = builder.Build();
        app.MapGrpcService<BenchWritesApi>();
        app.MapGrpcService<BenchPublishesApi>();
        await app.StartAsync();
        var bus = app.Services.GetRequiredService<IBus>();
        using var channel = GrpcChannel.ForAddress(app.Services.GetRequiredService<ServiceEndpoints>().GrpcAddress);
        var client = new GrpcClient(channel);
        try
        {
            await WarmUpAsync("end to end", bus, (n, clock) => WriteAsync(client, n, clock));
            var e2e = await MeasureAsync(bus, events, (n, clock) => WriteAsync(client, n, clock));
            for (var round = 1; round <= 2; round++)
                await MeasureCallsAsync(client, warmup);
            var calls = await MeasureCallsAsync(client, events);
            var callsPaced = await MeasureCallsAsync(client, events, e2e.PerSecond);
            var external = ExternalWriters.Available ? await MeasureExternalAsync(app.Services, bus) : ((Result, string)?)null;
            var floorInbox = floors ? (await MeasureExternalAsync(app.Services, bus, ExternalWriters.PublishMethod)).Item1 : null;
            return (e2e, calls, callsPaced, external, floorInbox);
        }
        finally
        {
            await app.StopAsync();
            await BrokerEndpoints.DeleteAsync(rabbit, app.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<AppliedConsumer>());
        }
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await ExecAsync($"DROP DATABASE IF EXISTS {producerDb} WITH (FORCE)");
        await ExecAsync($"DROP DATABASE IF EXISTS {consumerDb} WITH (FORCE)");
    }
}

// One round to warm the server's numbering branch and h2load's connections, then the measured run.
async Task<(Result, string)> MeasureExternalAsync(IServiceProvider services, IBus bus, string method = ExternalWriters.RecordMethod)
{
    var starts = services.GetRequiredService<ServerSideStarts>();
    var address = services.GetRequiredService<ServiceEndpoints>().GrpcAddress;
    // The .NET client's 256 writers spread over connections of at most 100 streams (Kestrel's limit);
    // h2load gets the same concurrency on 4 connections.
    var connections = Math.Max(1, (writers + 63) / 64);
    var perConnection = Math.Max(1, writers / connections);
    var requestTimes = "";
    async Task Produce(int n, StageClock clock)
    {
        starts.Begin(clock);
        requestTimes = await ExternalWriters.RunAsync(address, n, connections, perConnection, method);
        var written = clock.Gaps(Stage.Started, Stage.Written).Length;
        if (written != n)
            throw new InvalidOperationException($"h2load: {written} of {n} calls were written");
    }
    await MeasureAsync(bus, warmup, Produce);
    var result = await MeasureAsync(bus, events, Produce);
    return (result, $"{requestTimes} (h2load -c {connections} -m {perConnection} -t 1)");
}

// The floor with no database: a service host as the end-to-end one, without databases or outbox,
// whose call publishes straight on the bus into a consumer that does nothing.
async Task<Result> RunFloorWithoutDatabaseAsync()
{
    var builder = CreateServiceBuilder($"bench-floor-{run}");
    builder.Services.AddEventConsumer<RawConsumer, BenchDefinition<RawConsumer>>();
    await using var app = builder.Build();
    app.MapGrpcService<BenchPublishesApi>();
    await app.StartAsync();
    try
    {
        return (await MeasureExternalAsync(app.Services, app.Services.GetRequiredService<IBus>(), ExternalWriters.PublishMethod)).Item1;
    }
    finally
    {
        await app.StopAsync();
        await BrokerEndpoints.DeleteAsync(rabbit, app.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<RawConsumer>());
    }
}

async Task WriteAsync(GrpcClient client, int count, StageClock clock) =>
    await CallAsync(client, "/educationhub.bench.v1.BenchWrites/Record", count, clock);

async Task<Result> MeasureCallsAsync(GrpcClient client, int count, double? perSecond = null)
{
    var clock = new StageClock(count);
    var before = Take();
    await CallAsync(client, "/educationhub.bench.v1.BenchWrites/Echo", count, clock, perSecond);
    var latencies = clock.Gaps(Stage.Started, Stage.Written);
    return Finish(before, count, count / clock.Rate(Stage.Written), latencies, clock);
}

async Task CallAsync(GrpcClient client, string method, int count, StageClock clock, double? perSecond = null)
{
    var next = -1;
    var start = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            // Paced as raw is: call i does not start before i / perSecond seconds.
            if (perSecond is { } rate && TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start) is { TotalMilliseconds: > 5 } ahead)
                await Task.Delay(ahead);
            var started = Stopwatch.GetTimestamp();
            clock.Stamp(Stage.Started, i, started);
            await client.UnaryAsync<RecordRequest, RecordReply>(
                method,
                new RecordRequest { Sequence = i, Urn = 100000 + (i % 20000), Category = "safeguarding", Severity = "high", StartedTicks = started });
            clock.Stamp(Stage.Written, i);
        }
    }));
}

// The .NET tiered JIT keeps recompiling hot code (tier 0 → instrumented → tier 1) for a while
// after start; on 2 busy cores that costs the end-to-end path (far more code than the raw one)
// more CPU than the work itself. Throughput targets are about a running service, so both paths
// warm up until the JIT has settled, and the measured run reports how much it still compiled.
async Task WarmUpAsync(string path, IBus bus, Func<int, StageClock, Task> produce)
{
    for (var round = 1; round <= MaxWarmupRounds; round++)
    {
        var result = await MeasureAsync(bus, warmup, produce);
        // Between rounds the tier-1 queue gets the machine to itself; it is drained then, not in the measured run.
        var draining = Stopwatch.StartNew();
        var pending = await tieringQueue.DrainAsync(SettledJit, MaxDrain);
        Console.WriteLine($"warm-up {path} round {round}: {result.PerSecond:0} events/s, {result.JitMethods} methods JIT-compiled; tier-1 queue {pending} methods after {draining.Elapsed.TotalSeconds:0.0} s idle");
        if (result.JitMethods < SettledJit && pending < SettledJit)
            return;
    }
}

async Task<Result> MeasureAsync(IBus bus, int count, Func<int, StageClock, Task> produce)
{
    var recorder = new RunRecorder(count);
    using var consumeHandle = bus.ConnectConsumeObserver(recorder);
    using var publishHandle = bus.ConnectPublishObserver(recorder);
    var before = Take();
    await produce(count, recorder.Clock);
    var finished = await Task.WhenAny(recorder.Done, Task.Delay(TimeSpan.FromMinutes(10)));
    if (finished != recorder.Done)
        throw new TimeoutException($"Only {recorder.Count} of {count} consumed");
    var latencies = recorder.Clock.Gaps(Stage.Started, Stage.Consumed);
    return Finish(before, count, count / recorder.Clock.Rate(Stage.Consumed), latencies, recorder.Clock)
        with { Traffic = $"{(double)recorder.Publishes / count:0.000}, {(double)recorder.Deliveries / count:0.000}" };
}

Before Take()
{
    jitTrace?.Start();
    allocTrace?.Start();
    return new Before(cpu.Take(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime(),
        GC.GetTotalAllocatedBytes(precise: false), [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)]);
}

Result Finish(Before before, int count, double seconds, double[] latencies, StageClock clock)
{
    var used = CpuMeter.Between(before.Cpu, cpu.Take());
    var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - before.JitMethods;
    var jitTime = System.Runtime.JitInfo.GetCompilationTime() - before.JitTime;
    var allocated = GC.GetTotalAllocatedBytes(precise: false) - before.Allocated;
    var gcs = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - before.Collections[g]));
    if (jitTrace is not null)
    {
        PrintJitTrace(jitTrace.Stop(jitTraceTop));
        if (Environment.GetEnvironmentVariable("EHUB_BENCH_JIT_LOG") is { Length: > 0 } logDir)
            File.WriteAllLines(Path.Combine(logDir, $"jit-{++jitLogs:00}-{count}.txt"), jitTrace.Log);
    }
    if (allocTrace is not null)
        PrintAllocationTrace(allocTrace.Stop(allocTraceTop), count);
    return new Result(count, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), clock, used, jitted, jitTime, allocated, gcs);
}

static void PrintAllocationTrace((IReadOnlyList<(string Type, long Bytes)> Top, long Total, bool Complete) trace, int count)
{
    var incomplete = trace.Complete ? "" : " (incomplete: the runtime had not delivered every sample 10 s after the round)";
    Console.WriteLine($"  allocated (sampled every ~100 KB): {trace.Total / 1024.0 / count:0.0} KB per event{incomplete}; most by type, bytes per event:");
    foreach (var (type, bytes) in trace.Top)
        Console.WriteLine($"    {(double)bytes / count,8:0} {100.0 * bytes / Math.Max(1, trace.Total),5:0.0} %  {type}");
}

Dictionary<string, string?> BusSettings(string prefix) => new()
{
    ["Messaging:Transport"] = "RabbitMq",
    ["ConnectionStrings:rabbitmq"] = rabbit,
    ["Messaging:EndpointPrefix"] = prefix,
};

// A service host as every service builds one (AddServiceDefaults: Kestrel, our gRPC layer, auth, telemetry,
// health, the bus), gRPC on a free port, no web endpoint, with the server-side numbering h2load runs need.
WebApplicationBuilder CreateServiceBuilder(string prefix, Dictionary<string, string?>? more = null)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Benchmark" });
    var settings = BusSettings(prefix);
    settings["Hosting:GrpcUrl"] = "http://127.0.0.1:0";
    settings["Hosting:WebUrl"] = "";
    settings["Logging:LogLevel:Default"] = "Warning";
    foreach (var (key, value) in more ?? [])
        settings[key] = value;
    builder.Configuration.AddInMemoryCollection(settings);
    builder.AddServiceDefaults("bench");
    builder.Services.AddSingleton<ServerSideStarts>();
    return builder;
}

HostApplicationBuilder CreateBuilder(string prefix)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(BusSettings(prefix));
    builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
    builder.AddEducationHubMessaging();
    return builder;
}

BenchHappened NewEvent(int i, StageClock clock)
{
    var (id, at, producer, correlation) = EventEnvelope.New("bench");
    var started = Stopwatch.GetTimestamp();
    clock.Stamp(Stage.Started, i, started);
    return new BenchHappened(id, at, 100000 + (i % 20000), producer, correlation, Guid.NewGuid(), "safeguarding", "high", started, i);
}

async Task ExecAsync(string sql)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static void PrintJitTrace((IReadOnlyList<(string Method, string Tier, int Count)> Top, int Total, int Dynamic) trace)
{
    Console.WriteLine($"  JIT trace: {trace.Total} compilations, {trace.Dynamic} of them dynamic methods; most compiled:");
    foreach (var (method, tier, count) in trace.Top)
        Console.WriteLine($"  {count,6} {tier,-18} {method}");
}

void RatioLine(string label, Result path) =>
    Console.WriteLine($"{label} = {path.PerSecond / raw.PerSecond:0.00} (against the faster raw run; {path.PerSecond / Math.Min(rawBefore.PerSecond, rawAfter.PerSecond):0.00} against the slower)");

void CpuRow(string path, Result result)
{
    var perEvent = 1000.0 / result.Events;
    var c = result.Cpu;
    Console.WriteLine($"| {path} | {c.Bench * perEvent:0.00} | {c.Broker * perEvent:0.00} | {c.Database * perEvent:0.00} | {c.Children * perEvent:0.00} | {c.Total * perEvent:0.00} | {Environment.ProcessorCount * result.Events / c.Total:0} | {result.JitMethods}, {result.JitTime.TotalMilliseconds:0} | {result.Allocated / 1024.0 / result.Events:0.0} | {result.Collections} |");
}

void StageRows(string path, StageClock clock)
{
    var previous = Stage.Started;
    foreach (var stage in Enum.GetValues<Stage>().Skip(1).Where(clock.Has))
    {
        var gaps = clock.Gaps(previous, stage);
        Console.WriteLine($"| {path} | {previous} → {stage} | {clock.Rate(stage):0} | {Percentile(gaps, 0.50):0.0} | {Percentile(gaps, 0.99):0.0} |");
        previous = stage;
    }
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

internal sealed record Before(CpuMeter.Snapshot Cpu, long JitMethods, TimeSpan JitTime, long Allocated, int[] Collections);

internal sealed record Result(int Events, double Seconds, double P50, double P99, StageClock Clock, CpuUse Cpu, long JitMethods, TimeSpan JitTime, long Allocated, string Collections)
{
    public double PerSecond => Events / Seconds;

    /// <summary>CPU milliseconds this process spent per event.</summary>
    public double BenchMsPerEvent => Cpu.Bench * 1000 / Events;

    /// <summary>Publishes and deliveries per event, when the path went through the broker.</summary>
    public string Traffic { get; init; } = "n/a";

    public string Row(string name) => $"| {name} | {Events} | {Seconds:0.00} | {PerSecond:0} | {P50:0.0} | {P99:0.0} |";
}

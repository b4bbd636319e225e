using System.Diagnostics;
using EducationHub.Bench.Messaging;
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
var warmup = Math.Min(2_000, events / 5);
var run = Guid.NewGuid().ToString("N")[..6];

Console.WriteLine($"events={events} writers={writers} warmup={warmup} cores={Environment.ProcessorCount}");

// Phase 1: raw MassTransit publish → consume of the same message on the same broker.
var raw = await RunRawAsync();
// Phase 2: application write (domain row + outbox row, one transaction) → dispatcher → RabbitMQ
// → idempotent consumer (inbox row + applied row, one transaction) → committed.
var e2e = await RunEndToEndAsync();

Console.WriteLine();
Console.WriteLine("| path | events | seconds | events/s | p50 ms | p99 ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(raw.Row("raw MassTransit publish/consume"));
Console.WriteLine(e2e.Row("write → outbox → RabbitMQ → inbox → committed"));
Console.WriteLine($"ratio end-to-end / raw = {e2e.PerSecond / raw.PerSecond:0.00}");
return 0;

async Task<Result> RunRawAsync()
{
    var builder = CreateBuilder($"bench-raw-{run}", new());
    builder.Services.AddEventConsumer<RawConsumer, BenchDefinition<RawConsumer>>();
    using var host = builder.Build();
    await host.StartAsync();
    var bus = host.Services.GetRequiredService<IBus>();
    try
    {
        await MeasureAsync(bus, warmup, n => PublishRawAsync(bus, n));
        return await MeasureAsync(bus, events, n => PublishRawAsync(bus, n));
    }
    finally
    {
        await host.StopAsync();
    }
}

async Task PublishRawAsync(IBus bus, int count)
{
    // As many publishes in flight as the outbox dispatcher uses (one batch): same confirm pipelining.
    using var inflight = new SemaphoreSlim(200);
    var tasks = new List<Task>(count);
    for (var i = 0; i < count; i++)
    {
        await inflight.WaitAsync();
        var e = NewEvent(i);
        tasks.Add(bus.Publish(e, ctx => ctx.MessageId = e.EventId).ContinueWith(_ => inflight.Release(), TaskScheduler.Default));
    }
    await Task.WhenAll(tasks);
}

async Task<Result> RunEndToEndAsync()
{
    var producerDb = $"bench_producer_{run}";
    var consumerDb = $"bench_consumer_{run}";
    await ExecAsync($"CREATE DATABASE {producerDb}");
    await ExecAsync($"CREATE DATABASE {consumerDb}");
    try
    {
        var builder = CreateBuilder($"bench-e2e-{run}", new()
        {
            ["ConnectionStrings:producer"] = new NpgsqlConnectionStringBuilder(postgres) { Database = producerDb, MaxPoolSize = 100 }.ConnectionString,
            ["ConnectionStrings:consumer"] = new NpgsqlConnectionStringBuilder(postgres) { Database = consumerDb, MaxPoolSize = 100 }.ConnectionString,
        });
        builder.AddServiceDatabase<ProducerDb>("producer");
        builder.AddServiceDatabase<ConsumerDb>("consumer");
        builder.Services.AddOutbox<ProducerDb>();
        builder.Services.AddEventConsumer<AppliedConsumer, BenchDefinition<AppliedConsumer>>();
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        try
        {
            await MeasureAsync(bus, warmup, n => WriteAsync(host.Services, n));
            return await MeasureAsync(bus, events, n => WriteAsync(host.Services, n));
        }
        finally
        {
            await host.StopAsync();
        }
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await ExecAsync($"DROP DATABASE IF EXISTS {producerDb} WITH (FORCE)");
        await ExecAsync($"DROP DATABASE IF EXISTS {consumerDb} WITH (FORCE)");
    }
}

async Task WriteAsync(IServiceProvider services, int count)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProducerDb>();
            var e = NewEvent(i);
            db.Add(new Subject { Id = e.SubjectId, Urn = e.Urn ?? 0, Category = e.Category });
            db.AddEvent(e);
            await db.SaveChangesAsync();
        }
    }));
}

async Task<Result> MeasureAsync(IBus bus, int count, Func<int, Task> produce)
{
    var recorder = new LatencyRecorder(count);
    using var handle = bus.ConnectConsumeObserver(recorder);
    var start = Stopwatch.GetTimestamp();
    await produce(count);
    var finished = await Task.WhenAny(recorder.Done, Task.Delay(TimeSpan.FromMinutes(10)));
    if (finished != recorder.Done)
        throw new TimeoutException($"Only {recorder.Count} of {count} consumed");
    var seconds = Stopwatch.GetElapsedTime(start, recorder.LastTicks).TotalSeconds;
    var sorted = recorder.Latencies.Order().ToArray();
    return new Result(count, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
}

HostApplicationBuilder CreateBuilder(string prefix, Dictionary<string, string?> settings)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    settings["Messaging:Transport"] = "RabbitMq";
    settings["ConnectionStrings:rabbitmq"] = rabbit;
    settings["Messaging:EndpointPrefix"] = prefix;
    builder.Configuration.AddInMemoryCollection(settings);
    builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
    builder.AddEducationHubMessaging();
    return builder;
}

BenchHappened NewEvent(int i)
{
    var (id, at, producer, correlation) = EventEnvelope.New("bench");
    return new BenchHappened(id, at, 100000 + (i % 20000), producer, correlation, Guid.NewGuid(), "safeguarding", "high", Stopwatch.GetTimestamp());
}

async Task ExecAsync(string sql)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

internal sealed record Result(int Events, double Seconds, double P50, double P99)
{
    public double PerSecond => Events / Seconds;

    public string Row(string name) => $"| {name} | {Events} | {Seconds:0.00} | {PerSecond:0} | {P50:0.0} | {P99:0.0} |";
}

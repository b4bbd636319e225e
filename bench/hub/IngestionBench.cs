using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using EducationHub.Contracts.V1;
using EducationHub.Hub;
using EducationHub.Bench.Messaging;
using EducationHub.Messaging;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EducationHub.Bench.Hub;

/// <summary>One timed phase: events, wall seconds, and the CPU each party used meanwhile.</summary>
internal sealed record IngestResult(int Events, double Seconds, CpuUse Cpu)
{
    public double PerSecond => Events / Seconds;

    /// <summary>CPU milliseconds per event of this process (publisher and consumers), the broker and PostgreSQL.</summary>
    public (double Bench, double Broker, double Database) CpuMsPerEvent =>
        (Cpu.Bench * 1000 / Events, Cpu.Broker * 1000 / Events, Cpu.Database * 1000 / Events);
}

/// <summary>
/// The ingestion comparison's three phases. <see cref="Publisher"/> publishes the same events to
/// exchanges with no queue bound, so its process CPU is what the benchmark's own publisher costs;
/// subtracting it from a phase's process CPU leaves the consumers' share (the publisher shares the
/// process and the two cores with them).
/// </summary>
internal sealed record IngestRun(IngestResult Raw, IngestResult Hub, IngestResult Publisher)
{
    public double PublisherMsPerEvent => Publisher.CpuMsPerEvent.Bench;

    public double RawConsumerMsPerEvent => Raw.CpuMsPerEvent.Bench - PublisherMsPerEvent;

    public double HubConsumerMsPerEvent => Hub.CpuMsPerEvent.Bench - PublisherMsPerEvent;
}

/// <summary>
/// Event ingestion through a real RabbitMQ, in one process and one run: (1) raw: MassTransit
/// publish to counting consumers on the same kind of queues (quorum, same prefetch), no database;
/// (2) hub: the same messages published the way the outbox publishes them (MessageId = EventId)
/// to the hub module's own consumers, each applying the event through the shared idempotent inbox
/// into the hub's PostgreSQL database. Rate = events / (first publish → last event committed).
/// </summary>
internal static class IngestionBench
{
    private const int InFlight = 200; // as many unconfirmed publishes as one outbox dispatch batch

    public static async Task<IngestRun> RunAsync(string rabbitUrl, string postgresServer, int count)
    {
        var cpu = new CpuMeter();
        var run = Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        var warmup = BenchEvents.Mixed(Math.Max(200, count / 10), 25_000, now, seed: 5);
        var events = BenchEvents.Mixed(count, 25_000, now);
        var raw = await RawAsync(cpu, rabbitUrl, $"hubbench-raw-{run}", warmup, events);
        var hub = await HubAsync(cpu, rabbitUrl, postgresServer, $"hubbench-hub-{run}", warmup, events);
        var publisher = await PublisherAsync(cpu, rabbitUrl, $"hubbench-pub-{run}", warmup, events);
        return new IngestRun(raw, hub, publisher);
    }

    /// <summary>CPU milliseconds per event by party, for the log line and RESULTS.md.</summary>
    public static string CpuLine(IngestRun run)
    {
        static string Parties(IngestResult r) => string.Create(CultureInfo.InvariantCulture,
            $"process {r.CpuMsPerEvent.Bench:0.000} + broker {r.CpuMsPerEvent.Broker:0.000} + PostgreSQL {r.CpuMsPerEvent.Database:0.000}");
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU ms/event raw: {Parties(run.Raw)}; hub: {Parties(run.Hub)}; publisher alone: process {run.PublisherMsPerEvent:0.000}, broker {run.Publisher.CpuMsPerEvent.Broker:0.000}; consumers' process share: raw {Share(run.RawConsumerMsPerEvent)}, hub {Share(run.HubConsumerMsPerEvent)}");
    }

    // A difference of two separately measured runs: in a run of a few hundred events the publisher
    // alone can cost more per event than publisher and consumers together (start-up, timers), which
    // says nothing about the consumers. Shown as such instead of as a negative cost.
    private static string Share(double msPerEvent) =>
        msPerEvent >= 0
            ? msPerEvent.ToString("0.000", CultureInfo.InvariantCulture)
            : "n/a (below the noise of the publisher-alone run at this size)";

    private static Dictionary<string, string?> BusSettings(string rabbitUrl, string prefix) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["ConnectionStrings:rabbitmq"] = rabbitUrl,
        ["Messaging:EndpointPrefix"] = prefix,
    };

    private static async Task<IngestResult> RawAsync(CpuMeter cpu, string rabbitUrl, string prefix, List<IIntegrationEvent> warmup, List<IIntegrationEvent> events)
    {
        var queues = new List<string>();
        IngestResult result;
        await using (var host = await TestServiceHost.StartAsync(b =>
                     {
                         b.Services.AddSingleton<RawCounter>();
                         Sink<RawSchoolRiskAssessed>(b.Services); Sink<RawPartnerSignalSubmitted>(b.Services); Sink<RawComplaintReceived>(b.Services);
                         Sink<RawComplaintEscalated>(b.Services); Sink<RawComplaintConcluded>(b.Services); Sink<RawGovernanceConcernRaised>(b.Services);
                         Sink<RawWarningNoticeIssued>(b.Services); Sink<RawInterventionStarted>(b.Services); Sink<RawWhistleblowingConcernTriaged>(b.Services);
                     }, null, BusSettings(rabbitUrl, prefix), serviceName: "bench-raw"))
        {
            var counter = host.Services.GetRequiredService<RawCounter>();
            var bus = host.Services.GetRequiredService<IBus>();
            await PublishAsync(bus, warmup);
            await WaitAsync(() => Task.FromResult(counter.Count >= warmup.Count), "raw warm-up");
            var start = counter.Count;
            var before = cpu.Take();
            var sw = Stopwatch.StartNew();
            await PublishAsync(bus, events);
            await WaitAsync(() => Task.FromResult(counter.Count - start >= events.Count), "raw");
            result = new IngestResult(events.Count, sw.Elapsed.TotalSeconds, CpuMeter.Between(before, cpu.Take()));
            queues.AddRange(QueueNames(typeof(RawCounter).Assembly, prefix));
        }
        // Durable queues outlive the host: delete them so the hub phase's messages are not copied into them too.
        await RabbitMqTestQueues.DeleteAsync(rabbitUrl, [.. queues]);
        return result;
    }

    private static async Task<IngestResult> HubAsync(CpuMeter cpu, string rabbitUrl, string postgresServer, string prefix, List<IIntegrationEvent> warmup, List<IIntegrationEvent> events)
    {
        var database = $"ehub_bench_ingest_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync(postgresServer, "postgres", $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(postgresServer) { Database = database }.ConnectionString;
        var settings = BusSettings(rabbitUrl, prefix);
        settings["ConnectionStrings:hub"] = connection;
        var queues = new List<string>();
        IngestResult result;
        await using (var host = await TestServiceHost.StartAsync(b => b.AddHub(), a => a.MapHub(), settings, serviceName: "hub"))
        {
            var bus = host.Services.GetRequiredService<IBus>();
            // Progress is counted in process as each consumer returns (after its commit): polling
            // count(*) every 20 ms cost PostgreSQL about as much as the inbox claims did.
            var committed = new ConsumedCounter();
            using var observer = bus.ConnectConsumeObserver(committed);
            await PublishAsync(bus, warmup);
            await WaitAsync(() => Task.FromResult(committed.Count >= warmup.Count), "hub warm-up");
            var start = committed.Count;
            var before = cpu.Take();
            var sw = Stopwatch.StartNew();
            await PublishAsync(bus, events);
            await WaitAsync(() => Task.FromResult(committed.Count - start >= events.Count), "hub");
            result = new IngestResult(events.Count, sw.Elapsed.TotalSeconds, CpuMeter.Between(before, cpu.Take()));
            var stored = await TimelineCountAsync(connection);
            if (stored < warmup.Count + events.Count)
                throw new InvalidOperationException($"The consumers returned for every event but the timeline holds {stored} of {warmup.Count + events.Count} rows.");
            queues.AddRange(QueueNames(typeof(HubModule).Assembly, prefix));
        }
        await RabbitMqTestQueues.DeleteAsync(rabbitUrl, [.. queues]);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(postgresServer, "postgres", $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        return result;
    }

    /// <summary>The publisher alone: the same events, same bus settings, no consumer and so no queue bound to the exchanges.</summary>
    private static async Task<IngestResult> PublisherAsync(CpuMeter cpu, string rabbitUrl, string prefix, List<IIntegrationEvent> warmup, List<IIntegrationEvent> events)
    {
        await using var host = await TestServiceHost.StartAsync(_ => { }, null, BusSettings(rabbitUrl, prefix), serviceName: "bench-publisher");
        var bus = host.Services.GetRequiredService<IBus>();
        await PublishAsync(bus, warmup);
        var before = cpu.Take();
        var sw = Stopwatch.StartNew();
        await PublishAsync(bus, events);
        return new IngestResult(events.Count, sw.Elapsed.TotalSeconds, CpuMeter.Between(before, cpu.Take()));
    }

    private static void Sink<T>(IServiceCollection services) where T : class, IConsumer =>
        services.AddEventConsumer<T, EventConsumerDefinition<T>>();

    /// <summary>What the outbox dispatcher does for each event: publish by its type with MessageId = EventId, confirms pipelined.</summary>
    private static async Task PublishAsync(IBus bus, List<IIntegrationEvent> events)
    {
        using var inflight = new SemaphoreSlim(InFlight);
        var tasks = new List<Task>(events.Count);
        foreach (var e in events)
        {
            await inflight.WaitAsync();
            tasks.Add(PublishOneAsync(bus, e, inflight));
        }
        await Task.WhenAll(tasks);
    }

    private static async Task PublishOneAsync(IBus bus, IIntegrationEvent e, SemaphoreSlim inflight)
    {
        try
        {
            await bus.Publish(e, e.GetType(), context =>
            {
                context.MessageId = e.EventId;
                context.CorrelationId = e.CorrelationId;
            });
        }
        finally
        {
            inflight.Release();
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{what}: not all events arrived within 10 minutes");
            await Task.Delay(20);
        }
    }

    private static async Task<long> TimelineCountAsync(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM hub_timeline", c);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string server, string database, string sql)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The consumer queues (and error queues) a host declared for the consumers in an assembly, named as the service's formatter names them.</summary>
    private static IEnumerable<string> QueueNames(Assembly consumers, string prefix)
    {
        var kebab = new KebabCaseEndpointNameFormatter(includeNamespace: false);
        var consumer = typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(KebabCaseEndpointNameFormatter.Consumer))!;
        foreach (var type in consumers.GetTypes().Where(t => !t.IsAbstract && typeof(IConsumer).IsAssignableFrom(t)))
        {
            var queue = $"{kebab.SanitizeName(prefix)}-{(string)consumer.MakeGenericMethod(type).Invoke(kebab, null)!}";
            yield return queue;
            yield return queue + "_error";
        }
    }
}

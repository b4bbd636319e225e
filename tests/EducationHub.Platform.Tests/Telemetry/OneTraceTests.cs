using System.Diagnostics;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Platform.Tests.Messaging;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Platform.Tests.Protos;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Auth;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using Xunit;

namespace EducationHub.Platform.Tests.Telemetry;

/// <summary>
/// One trace spans a gRPC call into service A, A's outbox, real RabbitMQ and the consumer in service B
/// (two hosts, two databases), as exported through AddServiceDefaults' tracer provider.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class OneTraceTests
{
    [Fact]
    public async Task A_grpc_write_and_the_consumer_in_another_service_share_one_trace()
    {
        var exporter = new InMemoryActivityExporter();
        await using var services = await TwoServices.StartAsync("trace", exporter);
        var reply = await services.EmitAndFollowAsync("trace me");

        // The exported spans of that trace cover every hop, from both services.
        var traceId = ActivityTraceId.CreateFromString(reply.TraceId);
        // The outbox span ends when the broker confirms the publish, which can be after service B
        // has already consumed the message: wait for both ends, not just the consumer's.
        await WaitForAsync(() => SourcesIn(exporter, traceId).Contains("EducationHub.Outbox") && exporter.Spans.Any(s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer), "the outbox and consume spans to be exported");
        var sources = SourcesIn(exporter, traceId);
        Assert.Contains("Microsoft.AspNetCore", sources);
        Assert.Contains("EducationHub.Grpc", sources);
        Assert.Contains("EducationHub.Outbox", sources);
        Assert.Contains("MassTransit", sources);
        Assert.Contains(exporter.Spans, s => s.TraceId == traceId && s.Kind == ActivityKind.Server && s.Name.EndsWith("PlatformTestService/Emit", StringComparison.Ordinal));
        Assert.Contains(exporter.Spans, s => s.TraceId == traceId && s.Kind == ActivityKind.Producer && s.Source == "MassTransit");
        Assert.Contains(exporter.Spans, s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer && s.Source == "MassTransit");
    }

    [Fact]
    public async Task With_nothing_to_export_spans_are_not_recorded_but_the_trace_still_reaches_the_consumer()
    {
        await using var services = await TwoServices.StartAsync("unexported", exporter: null);

        // Spans are started but not recorded: only hosts with a span processor record, and the test
        // that has them never runs beside this one (same collection).
        using (var source = new ActivitySource("EducationHub.SamplerProbe"))
        using (var probe = source.StartActivity("probe"))
        {
            Assert.NotNull(probe);
            Assert.False(probe.Recorded);
            Assert.False(probe.IsAllDataRequested);
        }

        await services.EmitAndFollowAsync("no exporter");
    }

    /// <summary>Service A (gRPC write + outbox) and service B (the consumer), on real RabbitMQ, each with its own database.</summary>
    private sealed class TwoServices(TestServiceHost a, TestServiceHost b) : IAsyncDisposable
    {
        public static async Task<TwoServices> StartAsync(string name, InMemoryActivityExporter? exporter)
        {
            var run = name + "-" + Guid.NewGuid().ToString("N")[..8];
            // Each host gets its own processor: a host's tracer provider shuts its processors down with it.
            void ExportTo(IServiceCollection services)
            {
                if (exporter is not null)
                    services.AddSingleton<BaseProcessor<Activity>>(new SimpleActivityExportProcessor(exporter));
            }

            var serviceB = await TestServiceHost.StartAsync(
                configure: builder =>
                {
                    builder.AddServiceDatabase<PlatformTestDbContext>("platformtest");
                    builder.Services.AddEventConsumer<TraceProbeConsumer, QuickRetryDefinition<TraceProbeConsumer>>();
                    ExportTo(builder.Services);
                },
                settings: RabbitSettings("b-" + run),
                serviceName: "service-b");
            try
            {
                var serviceA = await TestServiceHost.StartAsync(
                    configure: builder =>
                    {
                        builder.AddServiceDatabase<PlatformTestDbContext>("platformtest");
                        builder.Services.AddOutbox<PlatformTestDbContext>();
                        ExportTo(builder.Services);
                    },
                    map: app => app.MapGrpcService<PlatformTestApi>(),
                    settings: RabbitSettings("a-" + run),
                    serviceName: "service-a");
                return new TwoServices(serviceA, serviceB);
            }
            catch
            {
                await serviceB.DisposeAsync();
                throw;
            }
        }

        /// <summary>Emits an event through A's gRPC API and waits until B consumed it under the call's trace.</summary>
        public async Task<EmitReply> EmitAndFollowAsync(string text)
        {
            var reply = await a.Client.UnaryAsync<ProbeRequest, EmitReply>(
                PlatformTestApi.EmitMethod,
                new ProbeRequest { Text = text },
                new CallOptions { BearerToken = TestTokens.Issue("council", "platform.write") });

            var eventId = Guid.Parse(reply.EventId);
            Assert.NotEmpty(reply.TraceId);
            await WaitForAsync(() => TraceProbeConsumer.SeenTraceIds.ContainsKey(eventId), "service B consumed the event");
            Assert.Equal(reply.TraceId, TraceProbeConsumer.SeenTraceIds[eventId]);
            return reply;
        }

        public async ValueTask DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    private static HashSet<string> SourcesIn(InMemoryActivityExporter exporter, ActivityTraceId traceId) =>
        exporter.Spans.Where(s => s.TraceId == traceId).Select(s => s.Source).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string?> RabbitSettings(string prefix) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["ConnectionStrings:rabbitmq"] = TestInfrastructure.RabbitMqUrl,
        ["Messaging:EndpointPrefix"] = prefix,
        ["Messaging:Outbox:PollInterval"] = "00:00:00.250",
    };

    // The limit only turns a hang into a failure with a message; nothing here asserts speed.
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Gave up waiting for: " + what);
            }

            await Task.Delay(100);
        }
    }
}

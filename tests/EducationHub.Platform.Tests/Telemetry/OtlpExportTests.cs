using System.Collections.Concurrent;
using EducationHub.Platform.Tests.Health;
using EducationHub.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EducationHub.Platform.Tests.Telemetry;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, a service sends its traces, metrics and logs there (OTLP over
/// HTTP/protobuf here, with the configured headers), through AddServiceDefaults alone.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_reach_the_configured_OTLP_endpoint_with_its_headers()
    {
        await using var collector = await FakeCollector.StartAsync();
        var host = await TestServiceHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-ehub-check=otlp-7",
            },
            serviceName: "otlp-probe");
        try
        {
            // A call through Kestrel and our gRPC layer (a span and request metrics), and a log line.
            await HealthProbe.GrpcAsync(host);
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OtlpProbe").LogWarning("otlp probe {Marker}", "log-7");
        }
        finally
        {
            // Stopping the host flushes every provider: nothing depends on export intervals.
            await host.DisposeAsync();
        }

        var received = collector.Received.ToList();
        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            var posts = received.Where(r => r.Path == "/v1/" + signal).ToList();
            Assert.True(posts.Count > 0, $"nothing posted to /v1/{signal}; got {string.Join(", ", received.Select(r => r.Path))}");
            Assert.All(posts, p => Assert.Equal(("application/x-protobuf", "otlp-7"), (p.ContentType, p.Header)));
            Assert.Contains(posts, p => p.Body.Length > 0);
        }

        // The payloads are protobuf: the service name and the log's text appear as UTF-8 inside them.
        Assert.Contains(received, r => r.Path == "/v1/traces" && Contains(r.Body, "otlp-probe"));
        Assert.Contains(received, r => r.Path == "/v1/logs" && Contains(r.Body, "log-7"));
    }

    private static bool Contains(byte[] body, string text) =>
        body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    private sealed record Post(string Path, string? ContentType, string? Header, byte[] Body);

    /// <summary>Accepts OTLP/HTTP posts and remembers them (an empty 200 is a successful export).</summary>
    private sealed class FakeCollector(WebApplication app) : IAsyncDisposable
    {
        public ConcurrentQueue<Post> Received { get; } = new();

        public string Address => app.Urls.Single();

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                collector.Received.Enqueue(new Post(http.Request.Path, http.Request.ContentType, http.Request.Headers["x-ehub-check"], body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}

using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EducationHub.ServiceDefaults.Telemetry;

/// <summary>
/// Owns the process's tracer and meter providers (the OpenTelemetry hosting package is not available,
/// so they are built with the SDK directly). Disposing flushes and stops them; the DI container does that
/// at shutdown.
/// </summary>
public sealed class TelemetryProviders : IDisposable
{
    private readonly IDisposable _tracing;
    private readonly MeterProvider _metrics;

    internal TelemetryProviders(ResourceBuilder resource, OtlpSettings? otlp, IEnumerable<BaseProcessor<Activity>> extraProcessors)
    {
        var processors = extraProcessors.ToList();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(TelemetrySources.Meters);
        if (otlp is not null)
            metrics.AddOtlpExporter(options => otlp.Apply(options, "metrics"));
        _metrics = metrics.Build();

        if (otlp is null && processors.Count == 0)
        {
            _tracing = new PropagationOnlyListener();
            return;
        }

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
            .AddSource(TelemetrySources.ActivitySources);

        // Processors registered in DI (tests use an in-memory exporter) see the same spans as OTLP.
        foreach (var processor in processors)
        {
            tracing.AddProcessor(processor);
        }
        if (otlp is not null)
            tracing.AddOtlpExporter(options => otlp.Apply(options, "traces"));
        _tracing = tracing.Build();
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace EducationHub.Platform.Tests.Telemetry;

/// <summary>Keeps every exported span in memory (the OpenTelemetry in-memory exporter package is not available).</summary>
public sealed class InMemoryActivityExporter : BaseExporter<Activity>
{
    private readonly ConcurrentDictionary<ActivitySpanId, ExportedSpan> _spans = new();

    public IReadOnlyCollection<ExportedSpan> Spans => [.. _spans.Values];

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var activity in batch)
        {
            // Every tracer provider in the process listens to the same sources, so a span can arrive twice.
            _spans.TryAdd(activity.SpanId, new ExportedSpan(activity.Source.Name, activity.DisplayName, activity.Kind, activity.TraceId, activity.SpanId, activity.ParentSpanId));
        }

        return ExportResult.Success;
    }
}

public sealed record ExportedSpan(string Source, string Name, ActivityKind Kind, ActivityTraceId TraceId, ActivitySpanId SpanId, ActivitySpanId ParentSpanId);

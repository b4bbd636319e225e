using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EducationHub.Messaging.Outbox;

/// <summary>The outbox's ActivitySource and instruments ("EducationHub.Outbox").</summary>
public static class OutboxTelemetry
{
    public const string Name = "EducationHub.Outbox";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>("educationhub.outbox.published", "{message}", "Outbox rows published and marked delivered.");

    internal static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("educationhub.outbox.publish_failures", "{message}", "Outbox publishes that failed and will be retried.");
}

using System.Diagnostics.Metrics;

namespace EducationHub.Messaging.DeadLetters;

/// <summary>Instruments of the "EducationHub.Messaging" meter.</summary>
public static class MessagingMetrics
{
    public const string MeterName = "EducationHub.Messaging";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Messages moved to an <c>_error</c> queue after their retries ran out. Tags: queue, message_type.</summary>
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "educationhub.messaging.dead_lettered", "{message}", "Messages moved to an error queue after exhausting retries.");
}

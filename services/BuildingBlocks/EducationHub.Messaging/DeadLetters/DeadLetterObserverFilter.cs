using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging.DeadLetters;

/// <summary>
/// Sits first in each endpoint's error pipe, which runs once per message whose retries are
/// exhausted, just before MassTransit moves it to the <c>_error</c> queue: logs it and counts it.
/// </summary>
internal sealed class DeadLetterObserverFilter(ILogger logger, string queue) : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var messageId = context.TransportHeaders.Get<string>("MessageId") ?? TryMessageId(context);
        var messageType = MessageTypeOf(context);
        DeadLetterLog.DeadLettered(logger, context.Exception, messageId, messageType, queue);
        MessagingMetrics.DeadLettered.Add(1, new TagList { { "queue", queue }, { "message_type", messageType } });
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterLog");

    /// <summary>
    /// The message's contract, e.g. <c>EducationHub.Contracts.V1.ComplaintRaised</c>. MassTransit's
    /// envelope names it in the body, not in a transport header, and the error pipe has no consume
    /// context to ask, so the envelope is read (once per dead-lettered message).
    /// </summary>
    private static string MessageTypeOf(ReceiveContext context)
    {
        const string urnPrefix = "urn:message:";
        var urn = EnvelopeMessageType(context);
        if (urn is { Length: > 0 })
            return urn.StartsWith(urnPrefix, StringComparison.Ordinal) ? urn[urnPrefix.Length..].Replace(':', '.') : urn;
        return context.TransportHeaders.Get<string>("MT-MessageType") ?? context.ContentType?.MediaType ?? "unknown";
    }

    private static string? EnvelopeMessageType(ReceiveContext context)
    {
        try
        {
            using var envelope = JsonDocument.Parse(context.Body.GetBytes());
            return envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            // Not a MassTransit JSON envelope: the fallbacks name what they can.
            return null;
        }
    }

    private static string? TryMessageId(ReceiveContext context) =>
        context.TryGetPayload(out ConsumeContext? consume) ? consume.MessageId?.ToString() : null;
}

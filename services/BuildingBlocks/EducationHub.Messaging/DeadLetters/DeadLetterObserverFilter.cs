using System.Diagnostics;
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
        var messageType = context.TransportHeaders.Get<string>("MT-MessageType")
            ?? context.ContentType?.MediaType ?? "unknown";
        DeadLetterLog.DeadLettered(logger, context.Exception, messageId, messageType, queue);
        MessagingMetrics.DeadLettered.Add(1, new TagList { { "queue", queue }, { "message_type", messageType } });
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterLog");

    private static string? TryMessageId(ReceiveContext context) =>
        context.TryGetPayload(out ConsumeContext? consume) ? consume.MessageId?.ToString() : null;
}

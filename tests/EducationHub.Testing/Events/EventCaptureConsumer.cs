using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using MassTransit;

namespace EducationHub.Testing.Events;

/// <summary>Records one event type into the test's <see cref="EventCapture"/>.</summary>
public sealed class EventCaptureConsumer<TEvent>(EventCapture capture) : IConsumer<TEvent>
    where TEvent : class, IIntegrationEvent
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        capture.Add(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class EventCaptureConsumerDefinition<TEvent> : EventConsumerDefinition<EventCaptureConsumer<TEvent>>
    where TEvent : class, IIntegrationEvent;

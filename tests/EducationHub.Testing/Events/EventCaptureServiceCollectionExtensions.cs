using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Testing.Events;

public static class EventCaptureServiceCollectionExtensions
{
    /// <summary>Subscribes <paramref name="capture"/> to every V1 integration event on the host's bus.</summary>
    public static IServiceCollection AddEventCapture(this IServiceCollection services, EventCapture capture)
    {
        services.AddSingleton(capture);
        var add = typeof(EventConsumerServiceCollectionExtensions).GetMethod(nameof(EventConsumerServiceCollectionExtensions.AddEventConsumer))!;
        foreach (var eventType in typeof(IIntegrationEvent).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t)))
        {
            add.MakeGenericMethod(typeof(EventCaptureConsumer<>).MakeGenericType(eventType), typeof(EventCaptureConsumerDefinition<>).MakeGenericType(eventType))
                .Invoke(null, [services]);
        }
        return services;
    }
}

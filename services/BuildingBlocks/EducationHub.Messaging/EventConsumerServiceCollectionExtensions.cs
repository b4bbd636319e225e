using EducationHub.Messaging.Transport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Messaging;

public static class EventConsumerServiceCollectionExtensions
{
    /// <summary>
    /// Adds a consumer (and its definition, which holds the retry policy and may name the
    /// endpoint) to the service's single bus. Call from a module's AddX, before or after AddServiceDefaults.
    /// </summary>
    public static IServiceCollection AddEventConsumer<TConsumer, TDefinition>(this IServiceCollection services)
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        EventConsumerCatalog.GetOrAdd(services).Add(typeof(TConsumer), typeof(TDefinition));
        return services;
    }
}

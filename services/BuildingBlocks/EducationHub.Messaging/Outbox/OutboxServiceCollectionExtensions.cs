using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EducationHub.Messaging.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Runs the outbox dispatcher of <typeparamref name="TContext"/> (one per context type).</summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddOutboxCore();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }

    /// <summary>What every outbox needs once per process; also used by AddServiceDatabase for the nudge interceptor.</summary>
    public static IServiceCollection AddOutboxCore(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxSignals>();
        services.TryAddSingleton<OutboxNudgeInterceptor>();
        services.TryAddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        return services;
    }
}

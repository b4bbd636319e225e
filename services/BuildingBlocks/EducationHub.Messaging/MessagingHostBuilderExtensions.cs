using EducationHub.Messaging.DeadLetters;
using EducationHub.Messaging.Inbox;
using EducationHub.Messaging.Outbox;
using EducationHub.Messaging.Transport;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging;

public static class MessagingHostBuilderExtensions
{
    /// <summary>
    /// On the in-memory transport a service's events reach only consumers in its own process, and the
    /// outbox still marks them delivered: a deployed service that fell back to it for want of a setting
    /// would lose every event it publishes to the other services, silently. So a Production host must
    /// say which transport it wants; the in-memory default is for development and the single-process run.
    /// </summary>
    private static void RefuseImplicitInMemoryInProduction(IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration[$"{MessagingOptions.Section}:{nameof(MessagingOptions.Transport)}"]))
        {
            throw new InvalidOperationException(
                "Messaging:Transport is not set. In Production set it to RabbitMq (with ConnectionStrings:rabbitmq) for a service of " +
                "the distributed run, or to InMemory only when every service runs in this one process: on InMemory, events for other processes are lost.");
        }
    }

    /// <summary>
    /// Builds the process's one MassTransit bus (called once, by AddServiceDefaults). Every
    /// consumer added with AddEventConsumer lands on it; the transport comes from
    /// <c>Messaging:Transport</c> (RabbitMq with <c>ConnectionStrings:rabbitmq</c>, or InMemory: the default
    /// outside Production, which must set it).
    /// Also registers readiness health checks (tag "ready"): MassTransit's bus and, on RabbitMQ, the broker connection.
    /// </summary>
    public static IHostApplicationBuilder AddEducationHubMessaging(this IHostApplicationBuilder builder)
    {
        var catalog = EventConsumerCatalog.GetOrAdd(builder.Services);
        if (catalog.IsAttached)
            return builder;

        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        RefuseImplicitInMemoryInProduction(builder);
        var rabbitUrl = builder.Configuration.GetConnectionString("rabbitmq");
        if (options.Transport == MessagingTransport.RabbitMq && string.IsNullOrWhiteSpace(rabbitUrl))
            throw new InvalidOperationException("Messaging:Transport is RabbitMq but ConnectionStrings:rabbitmq is not set (an amqp:// URI).");

        builder.Services.AddOutboxCore();
        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section);
        builder.Services.TryAddSingleton<InboxGroupCommits>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter(options.EndpointPrefix));
            catalog.Attach(bus);
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) => ConfigureEndpoint(context, queue, endpoint));

            if (options.Transport == MessagingTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitUrl!), host => host.PublisherConfirmation = true);
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });

        if (options.Transport == MessagingTransport.RabbitMq)
        {
            // Tag "ready", as MassTransit tags its bus check: /readyz and gRPC health follow the broker.
            builder.Services.AddSingleton(new BrokerConnectionHealthCheck(new Uri(rabbitUrl!)));
            builder.Services.AddHealthChecks().AddCheck<BrokerConnectionHealthCheck>(BrokerConnectionHealthCheck.Name, tags: ["ready"]);
        }

        // Consumers must be bound before the host serves requests that publish: RabbitMQ drops
        // events routed to an exchange with no queue yet.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    private static void ConfigureEndpoint(IRegistrationContext context, string queue, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQuorumQueue();

        var logger = context.GetRequiredService<ILoggerFactory>().CreateLogger("EducationHub.Messaging.DeadLetters");
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new DeadLetterObserverFilter(logger, queue));
            // The default error pipe, kept as is after our filter: publish Fault<T>, move to <queue>_error.
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
    }
}

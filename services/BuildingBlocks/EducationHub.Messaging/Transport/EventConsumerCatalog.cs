using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Messaging.Transport;

/// <summary>
/// Collects consumers for the single bus. Modules register their consumers after
/// AddServiceDefaults has built the bus registration, so registrations made before the bus
/// exists are replayed into it and later ones go straight in (the container is not built yet).
/// </summary>
internal sealed class EventConsumerCatalog
{
    private readonly List<(Type Consumer, Type Definition)> _pending = [];
    private IBusRegistrationConfigurator? _bus;

    public static EventConsumerCatalog GetOrAdd(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(EventConsumerCatalog) && descriptor.ImplementationInstance is EventConsumerCatalog existing)
                return existing;
        }
        var catalog = new EventConsumerCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }

    public bool IsAttached => _bus is not null;

    public void Add(Type consumer, Type definition)
    {
        if (_bus is null)
            _pending.Add((consumer, definition));
        else
            _bus.AddConsumer(consumer, definition);
    }

    public void Attach(IBusRegistrationConfigurator bus)
    {
        _bus = bus;
        foreach (var (consumer, definition) in _pending)
            bus.AddConsumer(consumer, definition);
        _pending.Clear();
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// Creates the service implementation per call from the request's DI scope: resolved from DI if
/// registered, otherwise constructed with a factory compiled once.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly ObjectFactory<TService> _factory = ActivatorUtilities.CreateFactory<TService>([]);
    private int _registered = -1;

    public TService Create(IServiceProvider services, out bool created)
    {
        if (_registered < 0)
        {
            var isService = services.GetService<IServiceProviderIsService>();
            _registered = isService is not null && isService.IsService(typeof(TService)) ? 1 : 0;
        }

        if (_registered == 1)
        {
            created = false;
            return services.GetRequiredService<TService>();
        }

        created = true;
        return _factory(services, null);
    }

    public static ValueTask ReleaseAsync(TService service, bool created)
    {
        if (!created)
        {
            return default;
        }

        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service as IDisposable)?.Dispose();
        return default;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EducationHub.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gRPC layer: options, the service registry and the health status registry.
    /// Exception mapping, logging and tracing are built into every call; add your own
    /// interceptors with <see cref="AddGrpcInterceptor{T}"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddEducationHubGrpc(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddRouting();
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<Health.HealthStatusRegistry>();
        return services;
    }

    /// <summary>Adds an interceptor (a singleton) that runs around every call, after those added before it.</summary>
    public static IServiceCollection AddGrpcInterceptor<T>(this IServiceCollection services)
        where T : class, IGrpcInterceptor
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<T>();
        services.Configure<GrpcServerOptions>(o =>
        {
            if (!o.InterceptorTypes.Contains(typeof(T)))
            {
                o.InterceptorTypes.Add(typeof(T));
            }
        });
        return services;
    }
}

using EducationHub.Grpc.Health;
using EducationHub.Grpc.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EducationHub.Grpc;

public static class GrpcHealthAndReflectionExtensions
{
    /// <summary>
    /// Maps grpc.health.v1.Health and server reflection (v1 and v1alpha). Health reports
    /// <see cref="HealthStatusRegistry"/>; everything turns NOT_SERVING when the host starts stopping.
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcHealthAndReflection(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<HealthService>();
        endpoints.MapGrpcService<ReflectionService>();
        endpoints.MapGrpcService<ReflectionV1AlphaService>();
        var statuses = endpoints.ServiceProvider.GetRequiredService<HealthStatusRegistry>();
        var lifetime = endpoints.ServiceProvider.GetService<IHostApplicationLifetime>();
        lifetime?.ApplicationStopping.Register(statuses.SetAllNotServing);
        return endpoints;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EducationHub.ServiceDefaults.Health;

internal static class HealthSetup
{
    public static void AddServiceHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.SectionName));
        builder.Services.AddHealthChecks();

        // A check registered without its own timeout must not hang a probe (or the gRPC status loop).
        builder.Services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>, DefaultCheckTimeout>();
        builder.Services.AddSingleton<IReadinessListener, GrpcReadinessListener>();
        builder.Services.AddSingleton<ReadinessMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReadinessMonitor>());
    }

    public static void MapServiceHealth(this WebApplication app)
    {
        // Liveness: only checks explicitly tagged "live" (none by default), so it never touches the
        // database or the broker: a dependency outage must not make Kubernetes restart every pod.
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });

        // Readiness needs every check Healthy: MassTransit reports a lost broker connection as Degraded,
        // and a service that cannot reach its broker must not take traffic.
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = ReadinessMonitor.IsReadinessCheck,
            ResponseWriter = WriteReadinessAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
    }

    private static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        await context.RequestServices.GetRequiredService<ReadinessMonitor>().PublishAsync(report);
        await HealthResponseWriter.WriteAsync(context, report);
    }

    private sealed class DefaultCheckTimeout(IOptions<HealthOptions> options) : IPostConfigureOptions<HealthCheckServiceOptions>
    {
        public void PostConfigure(string? name, HealthCheckServiceOptions target)
        {
            foreach (var registration in target.Registrations)
            {
                if (registration.Timeout == Timeout.InfiniteTimeSpan)
                {
                    registration.Timeout = options.Value.CheckTimeout;
                }
            }
        }
    }
}

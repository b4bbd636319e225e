using EducationHub.Grpc;
using EducationHub.Messaging;
using EducationHub.ServiceDefaults;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.ServiceDefaults.Health;
using EducationHub.ServiceDefaults.Hosting;
using EducationHub.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// In the hosting namespace (as ASP.NET Core's own builder extensions are) so every Program.cs finds it
// through the Web SDK's implicit usings.
namespace Microsoft.Extensions.Hosting;

/// <summary>The one call per process that gives a service its platform: see docs/building-blocks.md.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Kestrel endpoints (gRPC h2c/TLS + web), partner token auth, telemetry (traces, metrics, logs; OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set), health checks, the gRPC layer and the process's single message bus.
    /// Call once, before the modules' AddX().
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        if (builder.Services.Any(d => d.ServiceType == typeof(ServiceIdentity)))
        {
            throw new InvalidOperationException("AddServiceDefaults was called twice: a process has one set of defaults (AllInOne calls it once for all modules).");
        }

        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        builder.Services.AddOptions<HostingOptions>().Bind(builder.Configuration.GetSection(HostingOptions.SectionName));
        builder.AddServiceKestrel(hosting);

        // Auth's startup check is the first hosted service: a refused configuration stops the host early.
        builder.AddServiceAuth();
        builder.AddServiceTelemetry(serviceName);
        builder.AddServiceHealth();

        builder.Services.AddEducationHubGrpc();
        builder.Services.AddGrpcInterceptor<PartnerAuthInterceptor>();
        builder.AddEducationHubMessaging();
        return builder;
    }

    /// <summary>/healthz, /readyz, gRPC health + reflection, minimal error pages. Call before the modules' MapX().</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMinimalErrorPages();
        app.MapServiceHealth();
        app.MapGrpcHealthAndReflection();
        return app;
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace EducationHub.ServiceDefaults.Telemetry;

internal static class TelemetrySetup
{
    public static void AddServiceTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var otlp = OtlpSettings.FromConfiguration(builder.Configuration);
        var name = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : serviceName;
        var resource = ResourceBuilder.CreateDefault()
            .AddService(name, serviceNamespace: "educationhub", serviceInstanceId: Environment.MachineName)
            .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]);

        // Console and OTLP log records carry the trace and span ids of the call that wrote them.
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (otlp is not null)
        {
            builder.Logging.AddOpenTelemetry(options =>
            {
                options.SetResourceBuilder(resource);
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
                options.AddOtlpExporter(exporter => otlp.Apply(exporter, "logs"));
            });
        }

        builder.Services.AddSingleton(sp => new TelemetryProviders(resource, otlp, sp.GetServices<BaseProcessor<Activity>>()));

        // Resolving the providers from a hosted service that starts before the modules' ones makes them
        // listen before the first request, message or outbox dispatch.
        builder.Services.AddHostedService<TelemetryStarter>();
    }

    private sealed class TelemetryStarter(TelemetryProviders providers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(providers);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

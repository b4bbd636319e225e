using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EducationHub.Platform.Tests.Health;

/// <summary>A readiness dependency the test turns on and off.</summary>
public sealed class SwitchableCheck : IHealthCheck
{
    public volatile bool Healthy = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off by the test"));
}

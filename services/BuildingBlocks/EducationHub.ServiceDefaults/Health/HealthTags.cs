namespace EducationHub.ServiceDefaults.Health;

/// <summary>
/// Tags that place an <c>IHealthCheck</c> on a probe. Register database, broker and other dependency
/// checks with <see cref="Ready"/>: they then drive <c>/readyz</c> and the gRPC health service.
/// MassTransit already tags its bus check "ready".
/// </summary>
public static class HealthTags
{
    /// <summary>Dependencies without which the service must not receive traffic (database, broker).</summary>
    public const string Ready = "ready";

    /// <summary>Cheap in-process checks whose failure means the process should be restarted.</summary>
    public const string Live = "live";
}

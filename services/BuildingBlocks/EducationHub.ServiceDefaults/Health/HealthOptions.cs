namespace EducationHub.ServiceDefaults.Health;

/// <summary>Bound from the <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>How often readiness is re-evaluated to keep the gRPC health service current.</summary>
    public TimeSpan GrpcStatusInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound for one readiness evaluation; a check still running then counts as unhealthy.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

namespace EducationHub.Grpc.Health;

/// <summary>placeholder, replaced in the health step</summary>
public sealed class HealthStatusRegistry;

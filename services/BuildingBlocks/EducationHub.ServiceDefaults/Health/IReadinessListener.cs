namespace EducationHub.ServiceDefaults.Health;

/// <summary>Told the outcome of every readiness evaluation (the gRPC health service is one listener).</summary>
public interface IReadinessListener
{
    void OnReadinessEvaluated(bool ready);
}

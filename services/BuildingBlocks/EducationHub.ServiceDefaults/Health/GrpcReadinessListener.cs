using EducationHub.Grpc.Health;
using Microsoft.Extensions.Hosting;

namespace EducationHub.ServiceDefaults.Health;

/// <summary>
/// Keeps the gRPC health service's overall status ("") equal to readiness; every mapped service without a
/// status of its own reports the overall one. NOT_SERVING until the first evaluation, and for good once
/// the host starts stopping (the gRPC layer then marks everything NOT_SERVING; a late evaluation must not undo it).
/// </summary>
internal sealed class GrpcReadinessListener : IReadinessListener
{
    /// <summary>
    /// The gRPC counterpart of /healthz for Kubernetes' native grpc liveness probe: SERVING while the
    /// process serves gRPC at all, whatever its dependencies say (a database outage must make the pod
    /// unready, not get it restarted).
    /// </summary>
    public const string LivenessService = "liveness";

    private readonly HealthStatusRegistry _statuses;
    private readonly CancellationToken _stopping;

    public GrpcReadinessListener(HealthStatusRegistry statuses, IHostApplicationLifetime lifetime)
    {
        _statuses = statuses;
        _stopping = lifetime.ApplicationStopping;
        _statuses.SetStatus(HealthStatusRegistry.OverallService, GrpcHealthStatus.NotServing);
        _statuses.SetStatus(LivenessService, GrpcHealthStatus.Serving);
    }

    public void OnReadinessEvaluated(bool ready)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _statuses.SetStatus(HealthStatusRegistry.OverallService, ready ? GrpcHealthStatus.Serving : GrpcHealthStatus.NotServing);
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.ServiceDefaults.Health;

/// <summary>
/// Evaluates the "ready" checks on a timer (and whenever /readyz is called) and pushes the result to
/// every <see cref="IReadinessListener"/>, so the gRPC health service says NOT_SERVING exactly when
/// /readyz says 503, in every environment.
/// </summary>
public sealed class ReadinessMonitor(
    HealthCheckService healthChecks,
    IEnumerable<IReadinessListener> listeners,
    IOptions<HealthOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ReadinessMonitor> logger) : BackgroundService
{
    private readonly IReadinessListener[] _listeners = listeners.ToArray();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HealthStatus? _last;

    /// <summary>The last evaluated readiness; null before the first evaluation.</summary>
    public HealthStatus? Current => _last;

    /// <summary>Runs the readiness checks now and publishes the outcome.</summary>
    public async Task<HealthReport> RefreshAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CheckTimeout);
        HealthReport report;
        try
        {
            report = await healthChecks.CheckHealthAsync(IsReadinessCheck, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            report = new HealthReport(new Dictionary<string, HealthReportEntry>(), HealthStatus.Unhealthy, options.Value.CheckTimeout);
        }

        await PublishAsync(report);
        return report;
    }

    /// <summary>Applies a report produced elsewhere (the /readyz endpoint) without running the checks twice.</summary>
    internal Task PublishAsync(HealthReport report) => ApplyAsync(report);

    /// <summary>Ready means every readiness check is Healthy (Degraded, e.g. a broker reconnecting, is not ready).</summary>
    public static bool IsReady(HealthStatus status) => status == HealthStatus.Healthy;

    public static bool IsReadinessCheck(HealthCheckRegistration registration) =>
        registration.Tags.Contains(HealthTags.Ready);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Checks such as the broker's only make sense once every hosted service (the bus) has started.
        if (!await WaitForStartedAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.GrpcStatusInterval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> WaitForStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ApplyAsync(HealthReport report)
    {
        await _gate.WaitAsync();
        try
        {
            var status = report.Status;
            if (_last != status)
            {
                HealthLog.ReadinessChanged(logger, status.ToString());
                foreach (var (name, entry) in report.Entries)
                {
                    if (entry.Status != HealthStatus.Healthy)
                    {
                        HealthLog.CheckNotHealthy(logger, name, entry.Status.ToString(), entry.Description, entry.Exception);
                    }
                }
            }

            _last = status;
            foreach (var listener in _listeners)
            {
                listener.OnReadinessEvaluated(IsReady(status));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}

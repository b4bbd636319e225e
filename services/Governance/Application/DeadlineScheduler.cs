using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.Governance.Application;

/// <summary>
/// Runs <see cref="DeadlineMonitor"/> at start-up (so deadlines that passed while the service was
/// down are raised straight away) and then every <see cref="GovernanceOptions.DeadlineScanInterval"/>.
/// </summary>
public sealed partial class DeadlineScheduler(IServiceScopeFactory scopes, IOptions<GovernanceOptions> options, ILogger<DeadlineScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeadlineSchedulerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DeadlineScanInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineMonitor>().RaisePassedDeadlinesAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failed scan (database briefly away) is retried on the next tick; nothing is lost.
                LogScanFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Warning notice deadline scan failed; retrying at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}

using EducationHub.Whistleblowing.Application;

namespace EducationHub.Whistleblowing.Infrastructure;

/// <summary>Runs the reminder, retention and expiry sweeps on a timer (also available on demand through RunMaintenance).</summary>
public sealed partial class MaintenanceWorker(IServiceScopeFactory scopes, WhistleblowingOptions options, WhistleblowingClock clock, ILogger<MaintenanceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.MaintenanceInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var maintenance = scope.ServiceProvider.GetRequiredService<MaintenanceService>();
                await maintenance.PublishRemindersAsync(stoppingToken);
                await maintenance.PurgeExpiredAsync(AuditActions.System, stoppingToken);
                await maintenance.DeleteExpiredSessionsAsync(stoppingToken);
                await maintenance.DeleteExpiredIdempotencyRecordsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Next round retries; a failed sweep loses nothing (reminder state is only saved with its event).
                SweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Whistleblowing maintenance sweep failed; retrying next interval")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}

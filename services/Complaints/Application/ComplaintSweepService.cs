using EducationHub.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EducationHub.Complaints.Application;

/// <summary>Runs <see cref="ComplaintSweeps"/> on an interval, using the Europe/London date.</summary>
public sealed partial class ComplaintSweepService(
    IServiceScopeFactory scopes, IClock clock, IOptions<ComplaintsOptions> options, ILogger<ComplaintSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sweeps = scope.ServiceProvider.GetRequiredService<ComplaintSweeps>();
                var today = clock.TodayInLondon().ToDateOnly();
                var breaches = await sweeps.ReportBreachesAsync(today, stoppingToken);
                var erased = await sweeps.ErasePersonalDataAsync(today, clock.GetCurrentInstant().ToDateTimeOffset(), stoppingToken);
                if (breaches + erased > 0) LogSwept(breaches, erased);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint sweep reported {Breaches} timescale breaches and erased {Erased} complainants' personal data")]
    private partial void LogSwept(int breaches, int erased);

    [LoggerMessage(Level = LogLevel.Error, Message = "Complaint sweep failed; it will run again at the next interval")]
    private partial void LogSweepFailed(Exception ex);
}

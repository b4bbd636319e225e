using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// Advances the shared <see cref="HubDataVersion.Sequence"/> after this replica's commits, so the other
/// replicas' cached drafts go stale (<see cref="HubDataVersion"/>). One <c>nextval</c> covers every commit
/// made before it, so a burst of consumer batches costs a round trip or two, not one each. A sequence
/// moves outside transactions and never blocks a writer. If the database cannot be reached the
/// announcement is retried; if the process dies first, the other replicas' drafts still expire within
/// <see cref="Application.DraftListCache"/>'s few minutes. Nothing to do on SQLite.
/// </summary>
internal sealed partial class SharedDataVersionAnnouncer(HubDataVersion version, IServiceScopeFactory scopes, ILogger<SharedDataVersionAnnouncer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await OnPostgreSqlAsync())
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await version.WaitForAnnouncementRequestAsync(stoppingToken);
                await AnnounceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogAnnouncementFailed(logger, ex, RetryAfter.TotalSeconds);
                version.RequestAnnouncement();
                await Task.Delay(RetryAfter, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<bool> OnPostgreSqlAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<HubDbContext>().Database.IsNpgsql();
    }

    private async Task AnnounceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var value = await db.Database.SqlQueryRaw<long>($"SELECT nextval('{HubDataVersion.Sequence}') AS \"Value\"").SingleAsync(ct);
        version.RecordOwnAnnouncement(value);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Could not tell the other hub replicas that the data changed; retrying in {Seconds} s (their cached drafts expire within minutes regardless)")]
    private static partial void LogAnnouncementFailed(ILogger logger, Exception exception, double seconds);
}

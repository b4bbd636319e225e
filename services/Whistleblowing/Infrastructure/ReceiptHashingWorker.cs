using EducationHub.Whistleblowing.Application;

namespace EducationHub.Whistleblowing.Infrastructure;

/// <summary>
/// Computes the slow receipt hashes off the request path: one dedicated thread (so never more than
/// one core), niced below the request threads (Linux), one receipt at a time, oldest first. Woken by
/// each submission and polling as well, so receipts left pending by a restart or by another replica
/// are picked up.
/// </summary>
public sealed partial class ReceiptHashingWorker(IServiceScopeFactory scopes, ReceiptHashingQueue queue, WhistleblowingOptions options, ILogger<ReceiptHashingWorker> logger) : BackgroundService
{
    /// <summary>The thread's name as Linux shows it (/proc/self/task/*/comm; 15 characters at most).</summary>
    public const string ThreadName = "wb-receipt-hash";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
            }
            finally
            {
                stopped.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = ThreadName,
        };
        thread.Start();
        return stopped.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        if (!ThreadNice.TrySetForCurrentThread(options.Receipt.HashingNice))
        {
            NiceRefused(logger, options.Receipt.HashingNice);
        }

        // Receipts whose index clashed with another report's: retried only after a restart.
        var skip = new HashSet<Guid>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var hashed = false;
            try
            {
                using var scope = scopes.CreateScope();
                hashed = scope.ServiceProvider.GetRequiredService<ReceiptHashingService>().HashOldest(skip);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The receipt stays pending (logins keep working through its pending lookup); retry after the poll interval.
                HashingFailed(logger, e);
            }

            if (!hashed)
            {
                queue.Wait(options.Receipt.HashingPollInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Receipt hashing failed; the receipt stays pending and is retried")]
    private static partial void HashingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Warning, Message = "Could not lower the receipt hashing thread's priority to nice {Nice}; it runs at normal priority (still one thread)")]
    private static partial void NiceRefused(ILogger logger, int nice);
}

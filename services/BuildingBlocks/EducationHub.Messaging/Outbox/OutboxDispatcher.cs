using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Publishes one DbContext's outbox and marks the published rows delivered. Rows this process
/// commits are handed to it directly (<see cref="OutboxHandOff"/>, leased to it from the start);
/// rows written elsewhere, released after a failed publish, or left by a crashed process once
/// their lease runs out are claimed from the database (a claim round when asked for, and every
/// poll interval). Publishes of a batch run concurrently, the broker confirms each; a failed
/// round backs off exponentially, so a broker outage costs retries, never events.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IOutboxPublisher publisher,
    OutboxSignals signals,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    // Rows queued for hand-off beyond this many batches are written unleased and claimed instead,
    // so a dispatcher that falls behind its writers does not hold an unbounded queue in memory.
    private const int HandOffBatchesQueued = 10;

    private readonly OutboxOptions _options = options.Value;
    private readonly string _name = typeof(TContext).Name;

    /// <summary>This dispatcher's lease on the rows handed off to it.</summary>
    private readonly Guid _handOffToken = Guid.NewGuid();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let host start-up (migrations, bus start) finish before the first round.
        await Task.Yield();
        OutboxLog.Started(logger, _name);
        var signal = signals.For(typeof(TContext));
        signal.HandOff.Attach(_handOffToken, _options.LeaseDuration, HandOffBatchesQueued * _options.BatchSize);
        try
        {
            await RunAsync(signal, stoppingToken);
        }
        finally
        {
            // Rows still queued keep their lease and are claimed once it runs out.
            signal.HandOff.Detach();
        }
    }

    private async Task RunAsync(OutboxSignal signal, CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextCleanup = DateTime.UtcNow;
        var nextClaim = DateTime.UtcNow;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (handed, handedFailed) = await DispatchHandedOffAsync(signal.HandOff, stoppingToken);
                var (claimed, claimFailed) = (0, 0);
                if (signal.HandOff.TakeClaimRequest() || DateTime.UtcNow >= nextClaim)
                {
                    (claimed, claimFailed) = await DispatchOnceAsync(stoppingToken);
                    // A full batch means there is probably more waiting: claim again at once.
                    nextClaim = claimed < _options.BatchSize ? DateTime.UtcNow + _options.PollInterval : DateTime.UtcNow;
                }
                if (handedFailed + claimFailed > 0)
                    throw new OutboxRoundFailedException($"{handedFailed + claimFailed} of {handed + claimed} publishes failed");
                failures = 0;

                if (DateTime.UtcNow >= nextCleanup)
                {
                    nextCleanup = DateTime.UtcNow + _options.CleanupInterval;
                    await CleanupAsync(stoppingToken);
                }

                if (signal.HandOff.Count == 0)
                {
                    var untilClaim = nextClaim - DateTime.UtcNow;
                    if (untilClaim > TimeSpan.Zero)
                        await signal.WaitAsync(untilClaim < _options.PollInterval ? untilClaim : _options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff(failures);
                OutboxLog.RoundFailed(logger, ex, _name, failures, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One claim-publish-mark round; returns how many rows were claimed and how many failed.</summary>
    public async Task<(int Claimed, int Failed)> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var token = Guid.NewGuid();
        var batch = await OutboxStore.ClaimAsync(db, token, _options.BatchSize, _options.LeaseDuration, ct);
        if (batch.Count == 0)
            return (0, 0);
        var failed = await PublishAndSettleAsync(db, token, batch, ct);
        return (batch.Count, failed);
    }

    /// <summary>
    /// Publishes up to a batch of the rows this process handed off and marks them delivered by id
    /// (they share this dispatcher's token with every other row still queued).
    /// </summary>
    private async Task<(int Handed, int Failed)> DispatchHandedOffAsync(OutboxHandOff handOff, CancellationToken ct)
    {
        if (handOff.Count == 0)
            return (0, 0);
        // Only rows with a whole lease left, so publishing and marking them has as long as a
        // claimed batch before another dispatcher may take them.
        var batch = handOff.Take(_options.BatchSize, DateTime.UtcNow + _options.LeaseDuration);
        if (batch.Count == 0)
            return (0, 0);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var failed = await PublishAndSettleAsync(db, _handOffToken, batch, ct);
        return (batch.Count, failed);
    }

    /// <summary>
    /// Publishes a batch held under <paramref name="token"/>, marks the published rows delivered by
    /// id (a handed-off batch shares its token with every row still queued) and gives the failed ones
    /// back; returns how many publishes failed.
    /// </summary>
    private async Task<int> PublishAndSettleAsync(TContext db, Guid token, List<OutboxMessage> batch, CancellationToken ct)
    {
        // The batch's publishes start together, so one timer serves as each one's timeout.
        Exception?[] results;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(_options.PublishTimeout);
            results = await Task.WhenAll(batch.Select(m => PublishAsync(m, timeout.Token)));
        }
        var published = new List<Guid>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
                published.Add(batch[i].Id);
        }
        if (published.Count > 0)
            await OutboxStore.MarkDeliveredAsync(db, token, published, CancellationToken.None);
        var failed = batch.Count - published.Count;
        // Rare path (broker trouble): each failed row goes back with its own backoff and error.
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is { } error)
            {
                var retryAt = DateTime.UtcNow + Backoff(batch[i].Attempts + 1);
                await OutboxStore.ReleaseAsync(db, token, batch[i].Id, retryAt, error.Message, CancellationToken.None);
            }
        }
        OutboxTelemetry.Published.Add(batch.Count - failed);
        if (failed > 0)
            OutboxTelemetry.PublishFailures.Add(failed);
        return failed;
    }

    private async Task<Exception?> PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = EventTypeNames.Resolve(row.Type);
        if (type is null)
        {
            OutboxLog.UnknownType(logger, row.Id, row.Type);
            return new InvalidOperationException($"Unknown event type {row.Type}");
        }

        // Continue the trace of the request that wrote the event, so gRPC call, outbox,
        // broker and consumer show as one trace.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = OutboxTelemetry.ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        activity?.SetTag("messaging.outbox.attempt", row.Attempts + 1);
        try
        {
            var message = JsonSerializer.Deserialize(row.Payload, type, EventJson.Options)
                ?? throw new InvalidOperationException("The stored payload is null");
            await publisher.PublishAsync(message, type, row.Id, ct);
            return null;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            OutboxLog.PublishFailed(logger, ex, row.Id, row.Type, row.Attempts + 1);
            return ex;
        }
    }

    private async Task CleanupAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var (outbox, inbox) = await OutboxStore.CleanupAsync(db, _options, ct);
        if (outbox + inbox > 0)
            OutboxLog.CleanedUp(logger, _name, outbox, inbox);
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var delay = TimeSpan.FromMilliseconds(_options.InitialBackoff.TotalMilliseconds * factor);
        return delay < _options.MaxBackoff ? delay : _options.MaxBackoff;
    }
}

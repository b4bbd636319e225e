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
/// poll interval). Rows publish through a window (<see cref="OutboxPublishWindow"/>): up to a
/// batch of them await the broker's confirm at once and finished ones are marked delivered many
/// at a time, while the next ones already publish. A failure backs the dispatcher off
/// exponentially, so a broker outage costs retries, never events.
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
    // so a dispatcher that falls behind its writers does not hold an unbounded queue in memory
    // (about 20 MB at 50). Not fewer: a claim scans past every leased row still queued, so a short
    // queue made an overloaded dispatcher pay for claims exactly when it was already behind.
    private const int HandOffBatchesQueued = 50;

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
        var window = new OutboxPublishWindow(_options.BatchSize, row => PublishAsync(row, stoppingToken), SettleAsync);
        var settler = window.RunSettlerAsync();
        try
        {
            await RunAsync(signal, window, stoppingToken);
        }
        finally
        {
            // Publishes still in flight end (their token is cancelled) and are settled before the
            // host stops; rows still queued keep their lease and are claimed once it runs out.
            await window.IdleAsync();
            window.Complete();
            await settler;
            signal.HandOff.Detach();
        }
    }

    private async Task RunAsync(OutboxSignal signal, OutboxPublishWindow window, CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextCleanup = DateTime.UtcNow;
        var nextClaim = DateTime.UtcNow;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartHandedOffAsync(signal.HandOff, window, stoppingToken);
                if (window.Free > 0 && (signal.HandOff.TakeClaimRequest() || DateTime.UtcNow >= nextClaim))
                {
                    var room = Math.Min(window.Free, _options.BatchSize);
                    var claimed = await ClaimAndStartAsync(window, room, stoppingToken);
                    // As many as there was room for means there is probably more waiting: claim again at once.
                    nextClaim = claimed < room ? DateTime.UtcNow + _options.PollInterval : DateTime.UtcNow;
                }

                var (settled, failed) = window.TakeOutcome();
                if (failed > 0)
                {
                    // Back off with nothing in flight: let the rest of the window settle first.
                    await window.IdleAsync();
                    var (more, moreFailed) = window.TakeOutcome();
                    throw new OutboxRoundFailedException($"{failed + moreFailed} of {settled + more} publishes failed");
                }
                if (settled > 0)
                    failures = 0;

                if (DateTime.UtcNow >= nextCleanup)
                {
                    nextCleanup = DateTime.UtcNow + _options.CleanupInterval;
                    await CleanupAsync(stoppingToken);
                }

                if (window.Free == 0)
                {
                    // Nothing can start until a publish settles. Going round again instead spun a core
                    // for as long as the broker took to confirm (up to the publish timeout in an outage).
                    await window.WaitForFreeSlotAsync(stoppingToken);
                }
                else if (signal.HandOff.Count == 0)
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

    /// <summary>
    /// Starts the rows this process handed off, as many as the window has room for (at least one,
    /// waiting for its slot). Only rows with a whole lease left, so publishing and marking them has
    /// as long as a claimed row before another dispatcher may take them.
    /// </summary>
    private async Task StartHandedOffAsync(OutboxHandOff handOff, OutboxPublishWindow window, CancellationToken ct)
    {
        if (handOff.Count == 0)
            return;
        var rows = handOff.Take(Math.Max(1, window.Free), DateTime.UtcNow + _options.LeaseDuration);
        foreach (var row in rows)
            await window.StartAsync(row, _handOffToken, ct);
    }

    /// <summary>Claims up to <paramref name="max"/> pending rows under a fresh token and starts them; returns how many were claimed.</summary>
    private async Task<int> ClaimAndStartAsync(OutboxPublishWindow window, int max, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        List<OutboxMessage> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            batch = await OutboxStore.ClaimAsync(db, token, max, _options.LeaseDuration, ct);
        }
        foreach (var row in batch)
            await window.StartAsync(row, token, ct);
        return batch.Count;
    }

    /// <summary>
    /// Marks the published rows of <paramref name="finished"/> delivered, one statement per lease
    /// token (handed-off rows share theirs with every row still queued, so the mark is by id), and
    /// gives each failed one back with its own backoff and error; returns how many failed. A mark
    /// that fails counts its rows as failed: they keep their lease and are claimed again after it.
    /// </summary>
    private async Task<int> SettleAsync(List<OutboxPublishResult> finished)
    {
        var failed = finished.Count(r => r.Error is not null);
        // A row no publish can succeed for fails alone, with its own backoff: counted as a round's
        // failure it backed every other row off too, for as long as it stayed (a rolling deploy).
        var roundFailed = finished.Count(r => r.Error is not null and not OutboxRowUnpublishableException);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            foreach (var group in finished.Where(r => r.Error is null).GroupBy(r => r.Token))
                await OutboxStore.MarkDeliveredAsync(db, group.Key, group.Select(r => r.Row.Id).ToList(), CancellationToken.None);
            // Rare path (broker trouble).
            foreach (var result in finished)
            {
                if (result.Error is { } error)
                {
                    var retryAt = DateTime.UtcNow + Backoff(result.Row.Attempts + 1);
                    await OutboxStore.ReleaseAsync(db, result.Token, result.Row.Id, retryAt, error.Message, CancellationToken.None);
                }
            }
        }
        catch (Exception ex)
        {
            OutboxLog.SettleFailed(logger, ex, _name, finished.Count);
            OutboxTelemetry.PublishFailures.Add(finished.Count);
            return finished.Count;
        }
        OutboxTelemetry.Published.Add(finished.Count - failed);
        if (failed > 0)
            OutboxTelemetry.PublishFailures.Add(failed);
        return roundFailed;
    }

    private async Task<Exception?> PublishAsync(OutboxMessage row, CancellationToken stoppingToken)
    {
        var type = EventTypeNames.Resolve(row.Type);
        if (type is null)
        {
            OutboxLog.UnknownType(logger, row.Id, row.Type);
            return new OutboxRowUnpublishableException($"Unknown event type {row.Type}");
        }

        // Continue the trace of the request that wrote the event, so gRPC call, outbox,
        // broker and consumer show as one trace.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = OutboxTelemetry.ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        activity?.SetTag("messaging.outbox.attempt", row.Attempts + 1);
        // Each publish has its own timeout (including the wait for the broker's confirm).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            var message = row.Event ?? Deserialize(row, type);
            await publisher.PublishAsync(message, type, row.Id, timeout.Token);
            return null;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            OutboxLog.PublishFailed(logger, ex, row.Id, row.Type, row.Attempts + 1);
            return ex;
        }
    }

    private static object Deserialize(OutboxMessage row, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(row.Payload, type, EventJson.Options)
                ?? throw new OutboxRowUnpublishableException("The stored payload is null");
        }
        catch (JsonException ex)
        {
            throw new OutboxRowUnpublishableException($"The stored payload is not a {type.Name}: {ex.Message}", ex);
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

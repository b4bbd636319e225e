using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Publishes one DbContext's outbox: claim a batch, publish it (concurrently, the broker
/// confirms each), mark the published rows delivered. A failed round backs off exponentially,
/// so a broker outage costs retries, never events.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IOutboxPublisher publisher,
    OutboxSignals signals,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private readonly string _name = typeof(TContext).Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let host start-up (migrations, bus start) finish before the first round.
        await Task.Yield();
        OutboxLog.Started(logger, _name);
        var signal = signals.For(typeof(TContext));
        var failures = 0;
        var nextCleanup = DateTime.UtcNow;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (claimed, failed) = await DispatchOnceAsync(stoppingToken);
                if (failed > 0)
                    throw new OutboxRoundFailedException($"{failed} of {claimed} publishes failed");
                failures = 0;

                if (DateTime.UtcNow >= nextCleanup)
                {
                    nextCleanup = DateTime.UtcNow + _options.CleanupInterval;
                    await CleanupAsync(stoppingToken);
                }

                // A full batch means there is probably more waiting: go again at once.
                if (claimed < _options.BatchSize)
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
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

        // The batch's publishes start together, so one timer serves as each one's timeout.
        Exception?[] results;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(_options.PublishTimeout);
            results = await Task.WhenAll(batch.Select(m => PublishAsync(m, timeout.Token)));
        }
        var failed = results.Count(r => r is not null);
        if (failed == 0)
        {
            await OutboxStore.MarkAllDeliveredAsync(db, token, CancellationToken.None);
        }
        else
        {
            // Rare path (broker trouble): settle row by row so published rows are not sent again.
            for (var i = 0; i < batch.Count; i++)
            {
                if (results[i] is null)
                {
                    await OutboxStore.MarkDeliveredAsync(db, token, batch[i].Id, CancellationToken.None);
                }
                else
                {
                    var retryAt = DateTime.UtcNow + Backoff(batch[i].Attempts + 1);
                    await OutboxStore.ReleaseAsync(db, token, batch[i].Id, retryAt, results[i]!.Message, CancellationToken.None);
                }
            }
        }
        OutboxTelemetry.Published.Add(batch.Count - failed);
        if (failed > 0)
            OutboxTelemetry.PublishFailures.Add(failed);
        return (batch.Count, failed);
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

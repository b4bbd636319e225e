using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace EducationHub.Messaging.Transport;

/// <summary>
/// Readiness of the broker itself, for every service on RabbitMQ. MassTransit's bus check only
/// follows receive endpoints, so a publish-only service (its outbox publishes, nothing consumes)
/// stayed "ready" through a broker outage. This keeps one small AMQP connection of its own and
/// reports Unhealthy while it is closed and cannot be reopened.
/// </summary>
internal sealed class BrokerConnectionHealthCheck(Uri brokerUri) : IHealthCheck, IAsyncDisposable
{
    public const string Name = "rabbitmq";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
                return HealthCheckResult.Healthy();

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
            var factory = new ConnectionFactory
            {
                Uri = brokerUri,
                ClientProvidedName = "readiness",
                // Each check reconnects itself; the client's own recovery would report "open" late.
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The message broker cannot be reached.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _gate.Dispose();
    }
}

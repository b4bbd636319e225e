using System.Threading.Channels;

namespace EducationHub.Grpc.Health;

/// <summary>Serving status reported by the grpc.health.v1 service.</summary>
public enum GrpcHealthStatus
{
    Unknown = 0,
    Serving = 1,
    NotServing = 2,
}

/// <summary>
/// The statuses the health service reports. "" is the server as a whole (ServiceDefaults sets it
/// from the readiness checks); a mapped service without its own status reports the overall one;
/// set a service's status explicitly to override. Thread-safe; Watch subscribers see every change.
/// </summary>
public sealed class HealthStatusRegistry
{
    public const string OverallService = "";

    private readonly Dictionary<string, GrpcHealthStatus> _statuses = new(StringComparer.Ordinal) { [OverallService] = GrpcHealthStatus.Serving };
    private readonly List<Action> _subscribers = [];
    private readonly Lock _lock = new();

    /// <summary>Sets one service's status ("" for the whole server).</summary>
    public void SetStatus(string service, GrpcHealthStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }

            _statuses[service] = status;
        }

        Notify();
    }

    /// <summary>Removes a service's own status, so it follows the overall status again (or is unknown).</summary>
    public void ClearStatus(string service)
    {
        lock (_lock)
        {
            if (service.Length == 0 || !_statuses.Remove(service))
            {
                return;
            }
        }

        Notify();
    }

    /// <summary>Marks everything NOT_SERVING (e.g. while shutting down).</summary>
    public void SetAllNotServing()
    {
        lock (_lock)
        {
            foreach (var key in _statuses.Keys.ToList())
            {
                _statuses[key] = GrpcHealthStatus.NotServing;
            }
        }

        Notify();
    }

    /// <summary>The explicitly set status, or null when the service has none.</summary>
    public GrpcHealthStatus? GetExplicitStatus(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>Runs <paramref name="onChange"/> after any status changes, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action onChange)
    {
        lock (_lock)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    /// <summary>A channel that receives a signal on each change (only the latest matters).</summary>
    internal (ChannelReader<bool> Changes, IDisposable Subscription) SubscribeChannel()
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscription = Subscribe(() => channel.Writer.TryWrite(true));
        return (channel.Reader, subscription);
    }

    private void Notify()
    {
        Action[] subscribers;
        lock (_lock)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber();
        }
    }

    private sealed class Subscription(HealthStatusRegistry registry, Action onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (registry._lock)
            {
                registry._subscribers.Remove(onChange);
            }
        }
    }
}

using System.Collections.Concurrent;
using EducationHub.Contracts.V1;

namespace EducationHub.Testing.Events;

/// <summary>Every integration event that reached the bus, as a subscriber would see it.</summary>
public sealed class EventCapture
{
    private readonly ConcurrentQueue<IIntegrationEvent> _events = new();

    public IReadOnlyList<IIntegrationEvent> All => [.. _events];

    public void Add(IIntegrationEvent evt) => _events.Enqueue(evt);

    public IReadOnlyList<T> Of<T>(Func<T, bool>? where = null)
        where T : IIntegrationEvent => [.. _events.OfType<T>().Where(e => where?.Invoke(e) ?? true)];

    /// <summary>Waits (up to 30 s) until an event matching <paramref name="where"/> has arrived.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool>? where = null)
        where T : IIntegrationEvent
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (Of(where) is [var found, ..]) return found;
            await Task.Delay(50);
        }

        throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived within 30 s; captured: {string.Join(", ", All.Select(e => e.GetType().Name))}");
    }
}

using System.Threading.Channels;

namespace EducationHub.Hub.Application;

/// <summary>
/// Does a piece of work on each posted item on its own task, at most a bounded number of items
/// behind the caller, so two independent pieces of work on the same items (this month's list and
/// last month's ranking from each school's timeline) run on two cores instead of one after the
/// other. The work must not share mutable state with the caller's.
/// </summary>
public sealed class BoundedWorker<T> : IAsyncDisposable
{
    private readonly Channel<T> _items;
    private readonly Task _worker;

    public BoundedWorker(Action<T> work, int capacity, CancellationToken ct)
    {
        _items = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _worker = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in _items.Reader.ReadAllAsync(ct))
                    work(item);
            }
            catch (Exception e)
            {
                _items.Writer.TryComplete(e); // the caller's next post stops instead of waiting for room
                throw;
            }
        }, CancellationToken.None);
    }

    public async ValueTask PostAsync(T item, CancellationToken ct)
    {
        try
        {
            await _items.Writer.WriteAsync(item, ct);
        }
        catch (ChannelClosedException)
        {
            await _worker; // the work failed: its exception, not the channel's
            throw;
        }
    }

    /// <summary>Waits until every posted item has been worked on; throws what the work threw.</summary>
    public async Task CompleteAsync()
    {
        _items.Writer.TryComplete();
        await _worker;
    }

    public async ValueTask DisposeAsync()
    {
        _items.Writer.TryComplete();
        try
        {
            await _worker;
        }
        catch (Exception) when (!_worker.IsCompletedSuccessfully)
        {
            // Disposed without CompleteAsync: the caller is already leaving with its own failure.
        }
    }
}

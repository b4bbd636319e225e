using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EducationHub.Hub.Application;

/// <summary>
/// Runs an async sequence on its own task a bounded distance ahead of its consumer, so reading
/// (database I/O and decoding rows) overlaps with the work done on each item instead of
/// alternating with it. The source must not share anything with the consumer's work.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                    await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct))
                while (channel.Reader.TryRead(out var item))
                    yield return item;
        }
        finally
        {
            // The consumer stopped early (or failed): stop reading, and let the source close its reader.
            await stop.CancelAsync();
            await producer;
        }
    }
}

namespace EducationHub.Grpc;

/// <summary>Reads the messages a client streams to the server (or the server to the client).</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    Task<bool> MoveNext(CancellationToken cancellationToken);
}

/// <summary>Writes a stream of messages; each message is flushed to the peer as it is written.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Options for subsequent writes (e.g. <see cref="WriteFlags.NoCompress"/>).</summary>
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message);

    Task WriteAsync(T message, CancellationToken cancellationToken);
}

public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>;

[Flags]
public enum WriteFlags
{
    None = 0,
    /// <summary>Send this message uncompressed even if the call compresses responses.</summary>
    NoCompress = 2,
}

public sealed class WriteOptions(WriteFlags flags = WriteFlags.None)
{
    public static readonly WriteOptions Default = new();

    public WriteFlags Flags { get; } = flags;
}

public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads every remaining message (use with <c>await foreach</c>).</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}

using Google.Protobuf;

namespace EducationHub.Grpc.Client;

/// <summary>A unary response with its metadata.</summary>
public sealed record GrpcResponse<TResponse>(TResponse Response, Metadata ResponseHeaders, Metadata Trailers);

/// <summary>Writes request messages on a client-streaming or duplex call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Half-closes the call: the server sees the end of the request stream.</summary>
    Task CompleteAsync();
}

/// <summary>Common parts of streaming calls. Dispose to cancel an unfinished call.</summary>
public abstract class StreamingCallBase : IDisposable
{
    private readonly Func<Task<Metadata>> _headers;
    private readonly Func<Status> _status;
    private readonly Func<Metadata> _trailers;
    private readonly Action _dispose;

    private protected StreamingCallBase(Func<Task<Metadata>> headers, Func<Status> status, Func<Metadata> trailers, Action dispose)
    {
        _headers = headers;
        _status = status;
        _trailers = trailers;
        _dispose = dispose;
    }

    /// <summary>The server's response headers (initial metadata).</summary>
    public Task<Metadata> ResponseHeadersAsync => _headers();

    /// <summary>The final status; only after the response stream ended.</summary>
    public Status GetStatus() => _status();

    /// <summary>The trailers; only after the response stream ended.</summary>
    public Metadata GetTrailers() => _trailers();

    public void Dispose()
    {
        _dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ServerStreamingCall<TResponse> : StreamingCallBase
{
    internal ServerStreamingCall(IAsyncStreamReader<TResponse> responses, Func<Task<Metadata>> headers, Func<Status> status, Func<Metadata> trailers, Action dispose)
        : base(headers, status, trailers, dispose) => ResponseStream = responses;

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
}

public sealed class ClientStreamingCall<TRequest, TResponse> : StreamingCallBase
{
    internal ClientStreamingCall(IClientStreamWriter<TRequest> requests, Task<TResponse> response, Func<Task<Metadata>> headers, Func<Status> status, Func<Metadata> trailers, Action dispose)
        : base(headers, status, trailers, dispose)
    {
        RequestStream = requests;
        ResponseAsync = response;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public Task<TResponse> ResponseAsync { get; }
}

public sealed class DuplexStreamingCall<TRequest, TResponse> : StreamingCallBase
{
    internal DuplexStreamingCall(IClientStreamWriter<TRequest> requests, IAsyncStreamReader<TResponse> responses, Func<Task<Metadata>> headers, Func<Status> status, Func<Metadata> trailers, Action dispose)
        : base(headers, status, trailers, dispose)
    {
        RequestStream = requests;
        ResponseStream = responses;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
}

internal sealed class ResponseReader<TRequest, TResponse>(ClientCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("Call MoveNext and check it returned true before reading Current.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _current = await call.ReadNextAsync(cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}

internal sealed class RequestWriter<TRequest, TResponse>(ClientCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message) => call.WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken) => call.WriteAsync(message, cancellationToken);

    public Task CompleteAsync()
    {
        call.CompleteRequests();
        return Task.CompletedTask;
    }
}

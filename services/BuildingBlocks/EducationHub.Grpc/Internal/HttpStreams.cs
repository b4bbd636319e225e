using Google.Protobuf;

namespace EducationHub.Grpc.Internal;

/// <summary>Reads request messages from the HTTP/2 request body, validating each one.</summary>
internal sealed class HttpStreamReader<T>(HttpServerCallContext context, MessageParser<T> parser, RequestValidatorCache<T> validator)
    : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;
    private bool _ended;

    public T Current => _current ?? throw new InvalidOperationException("Call MoveNext and check it returned true before reading Current.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        var (hasMessage, message) = await context.ReadStreamedMessageAsync(parser, cancellationToken).ConfigureAwait(false);
        if (!hasMessage)
        {
            _ended = true;
            _current = null;
            return false;
        }

        validator.Validate(message!, context);
        _current = message;
        return true;
    }
}

/// <summary>Writes response messages to the HTTP/2 response body, flushing each one.</summary>
internal sealed class HttpStreamWriter<T>(HttpServerCallContext context) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return context.WriteStreamedMessageAsync(message, WriteOptions, cancellationToken);
    }
}

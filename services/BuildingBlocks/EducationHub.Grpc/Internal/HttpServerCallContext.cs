using System.Buffers;
using System.IO.Pipelines;
using System.Security.Claims;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// One call on one HTTP/2 stream: owns request reading, response writing, the deadline and the
/// final status. Allocated once per call; metadata collections are created only when used.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext
{
    private readonly HttpContext _http;
    private readonly CancellationToken _requestAborted;
    private readonly MethodBinding _binding;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object?>? _userState;
    private CancellationTokenSource? _deadlineCts;
    private TaskCompletionSource? _deadlineReached;
    // Response writes and the deadline's early completion may race (a handler that ignores its
    // token keeps writing); the gate keeps them off the PipeWriter at the same time.
    private readonly Lock _writeGate = new();
    private Task _pendingFlush = Task.CompletedTask;
    private CancellationToken _token;
    private DateTime _deadline = DateTime.MaxValue;
    private string? _requestEncoding;
    private bool _clientAcceptsGzip;
    private bool _headersPrepared;
    private bool _compressResponses;
    private bool _messageWritten;
    private bool _completed;
    private Status _status = Status.DefaultSuccess;

    public HttpServerCallContext(HttpContext http, MethodBinding binding)
    {
        _http = http;
        _binding = binding;
        _requestAborted = http.RequestAborted;
        _token = _requestAborted;
        ResponseCompressionAlgorithm = binding.Options.ResponseCompressionAlgorithm;
    }

    public override string Method => _binding.Info.FullName;

    public override string Host => _http.Request.Host.Value ?? "";

    public override string Peer
    {
        get
        {
            var connection = _http.Connection;
            return connection.RemoteIpAddress is null
                ? "unknown"
                : (connection.RemoteIpAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6:[" + connection.RemoteIpAddress + "]:" : "ipv4:" + connection.RemoteIpAddress + ":") + connection.RemotePort;
        }
    }

    public override DateTime Deadline => _deadline;

    public override CancellationToken CancellationToken => _token;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders(_http.Request.Headers);

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status { get => _status; set => _status = value; }

    public override WriteOptions? WriteOptions { get; set; }

    public override string? ResponseCompressionAlgorithm { get; set; }

    public override bool LastRequestMessageCompressed => LastCompressed;

    public bool LastCompressed { get; set; }

    public override ClaimsPrincipal User => _http.User;

    public override GrpcMethodInfo MethodInfo => _binding.Info;

    public override IDictionary<object, object?> UserState => _userState ??= [];

    // The request's token as it was at the start: the deadline timer's callback may still be running
    // after the request ended and Kestrel recycled the HttpContext, whose RequestAborted then throws
    // ObjectDisposedException, on a timer thread, which ended the process.
    public bool DeadlineExpired => _deadlineCts is { IsCancellationRequested: true } && !_requestAborted.IsCancellationRequested;

    /// <summary>Completes when the call's deadline passes (not on client cancellation); null without a deadline.</summary>
    public Task? DeadlineReached => _deadlineReached?.Task;

    public bool IsCompleted
    {
        get
        {
            lock (_writeGate)
            {
                return _completed;
            }
        }
    }

    public string? RequestEncoding => _requestEncoding;

    public MethodBinding Binding => _binding;

    public override HttpContext GetHttpContext() => _http;

    /// <summary>
    /// Reads the protocol headers (timeout, encodings). Throws RpcException for values the call
    /// cannot proceed with.
    /// </summary>
    public void Initialize()
    {
        var headers = _http.Request.Headers;
        _http.Response.ContentType = GrpcProtocol.ContentType;

        var encoding = headers[GrpcProtocol.EncodingHeader];
        if (encoding.Count > 0)
        {
            var value = encoding.ToString();
            if (string.Equals(value, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                _requestEncoding = GrpcProtocol.GzipEncoding;
            }
            else if (!string.Equals(value, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
            {
                // Per the compression spec: unknown encoding → UNIMPLEMENTED, advertising what we support.
                _http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
                throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{value}'. Supported encodings: {GrpcProtocol.SupportedEncodings}"));
            }
        }

        var accept = headers[GrpcProtocol.AcceptEncodingHeader];
        if (accept.Count > 0)
        {
            foreach (var item in accept)
            {
                if (item is not null && item.Contains(GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
                {
                    _clientAcceptsGzip = true;
                }
            }
        }

        var timeout = headers[GrpcProtocol.TimeoutHeader];
        if (timeout.Count > 0)
        {
            if (!GrpcTimeout.TryParse(timeout.ToString(), out var span))
            {
                throw new RpcException(new Status(StatusCode.Internal, "Invalid grpc-timeout header."));
            }

            StartDeadline(span);
        }
    }

    private void StartDeadline(TimeSpan timeout)
    {
        // CancelAfter accepts at most ~49 days; a longer deadline behaves as none.
        if (timeout.TotalMilliseconds >= uint.MaxValue - 1)
        {
            return;
        }

        _deadline = DateTime.UtcNow + timeout;
        _deadlineCts = CancellationTokenSource.CreateLinkedTokenSource(_requestAborted);
        _deadlineReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deadlineCts.Token.Register(static state =>
        {
            var call = (HttpServerCallContext)state!;
            if (call.DeadlineExpired)
            {
                call._deadlineReached!.TrySetResult();
            }
        }, this);
        _deadlineCts.CancelAfter(timeout);
        _token = _deadlineCts.Token;
    }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_http.Response.HasStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }

        lock (_writeGate)
        {
            ThrowIfCompleted();
            var headers = _http.Response.Headers;
            foreach (var entry in responseHeaders)
            {
                headers.Append(entry.Key, entry.IsBinary ? Base64Metadata.Encode(entry.ValueBytes) : entry.Value);
            }

            PrepareResponseHeaders();
            return _pendingFlush = _http.Response.BodyWriter.FlushAsync(_token).AsTask();
        }
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The call has already completed.");
        }
    }

    /// <summary>Decides compression once, just before the headers go out.</summary>
    private void PrepareResponseHeaders()
    {
        if (_headersPrepared)
        {
            return;
        }

        _headersPrepared = true;
        if (_clientAcceptsGzip && ResponseCompressionAlgorithm is { } algorithm && !_http.Response.HasStarted)
        {
            if (!string.Equals(algorithm, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Unsupported response compression '{algorithm}': only gzip is supported.");
            }

            _compressResponses = true;
            _http.Response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.GzipEncoding;
            _http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        }
    }

    /// <summary>Buffers one response message (unary / client streaming); sent when the call ends.</summary>
    public void WriteMessage(IMessage message, WriteOptions? options)
    {
        lock (_writeGate)
        {
            WriteFrame(message, options);
        }
    }

    private void WriteFrame(IMessage message, WriteOptions? options)
    {
        ThrowIfCompleted();
        PrepareResponseHeaders();
        var flags = (options ?? WriteOptions)?.Flags ?? WriteFlags.None;
        var compress = _compressResponses && (flags & WriteFlags.NoCompress) == 0;
        MessageFraming.WriteFrame(_http.Response.BodyWriter, message, compress, _binding.Options.MaxSendMessageSize);
        _messageWritten = true;
    }

    /// <summary>Writes and flushes one streamed response message.</summary>
    public Task WriteStreamedMessageAsync(IMessage message, WriteOptions? options, CancellationToken cancellationToken)
    {
        // A client that reset the stream never sees more data: stop a streaming handler promptly.
        _http.RequestAborted.ThrowIfCancellationRequested();
        lock (_writeGate)
        {
            WriteFrame(message, options);
            var flush = _http.Response.BodyWriter.FlushAsync(cancellationToken.CanBeCanceled ? cancellationToken : _token);
            return flush.IsCompletedSuccessfully ? Task.CompletedTask : _pendingFlush = flush.AsTask();
        }
    }

    /// <summary>
    /// Ends the call with DEADLINE_EXCEEDED now, while its handler may still be running (one that
    /// ignores its cancellation token): the client gets its status at the deadline, as the gRPC spec
    /// asks, and the handler's later writes fail. False if the call had already completed.
    /// </summary>
    public async Task<bool> TryCompleteAtDeadlineAsync()
    {
        Task inFlight;
        lock (_writeGate)
        {
            if (_completed)
            {
                return false;
            }

            _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            inFlight = _pendingFlush;
            CompleteUnderGate();
        }

        try
        {
            // Cancelled by the same deadline token, so this ends promptly; its outcome no longer matters.
            await inFlight.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
        }

        await _http.Response.CompleteAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Reads the single request message of a unary or server-streaming call.</summary>
    public async ValueTask<T> ReadSingleMessageAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        var max = _binding.Options.MaxReceiveMessageSize;
        while (true)
        {
            var result = await ReadBodyAsync(reader, _token).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException(_token);
                }

                var rest = buffer;
                if (MessageFraming.TryReadFrame(ref rest, max, out var payload, out var compressed))
                {
                    if (!result.IsCompleted || rest.Length > 0)
                    {
                        // A second message (or the start of one) on a unary request stream.
                        if (rest.Length > 0)
                        {
                            throw new RpcException(new Status(StatusCode.Internal, "Additional data after the request message."));
                        }

                        // The whole message arrived but not END_STREAM yet: wait for the end.
                        continue;
                    }

                    LastCompressed = compressed;
                    return MessageFraming.Parse(parser, payload, compressed, _requestEncoding, max);
                }

                if (result.IsCompleted)
                {
                    throw new RpcException(new Status(StatusCode.Internal, buffer.Length == 0 ? "Request message missing." : "Incomplete request message."));
                }
            }
            finally
            {
                // Consume only when done; otherwise mark everything examined so the next read waits for more data.
                reader.AdvanceTo(result.IsCompleted ? result.Buffer.End : result.Buffer.Start, result.Buffer.End);
            }
        }
    }

    public async Task<(bool HasMessage, T? Message)> ReadStreamedMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        var max = _binding.Options.MaxReceiveMessageSize;
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _token;
        while (true)
        {
            var result = await ReadBodyAsync(reader, token).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            try
            {
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException(token);
                }

                var rest = buffer;
                if (MessageFraming.TryReadFrame(ref rest, max, out var payload, out var compressed))
                {
                    LastCompressed = compressed;
                    var message = MessageFraming.Parse(parser, payload, compressed, _requestEncoding, max);
                    consumed = rest.Start;
                    return (true, message);
                }

                if (result.IsCompleted)
                {
                    if (buffer.Length > 0)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Incomplete request message."));
                    }

                    consumed = buffer.End;
                    return (false, null);
                }
            }
            finally
            {
                // A parsed frame is consumed and nothing further examined, so the next read returns the rest at once.
                reader.AdvanceTo(consumed, consumed.Equals(buffer.Start) ? buffer.End : consumed);
            }
        }
    }

    /// <summary>
    /// Reads the request body. Kestrel reports a client RST_STREAM or a dropped connection as an
    /// IOException; handlers see it as cancellation, like the token they were given.
    /// </summary>
    private ValueTask<ReadResult> ReadBodyAsync(PipeReader reader, CancellationToken token)
    {
        var pending = reader.ReadAsync(token);
        return pending.IsCompletedSuccessfully ? pending : AwaitRead(pending, _http.RequestAborted);

        static async ValueTask<ReadResult> AwaitRead(ValueTask<ReadResult> pending, CancellationToken aborted)
        {
            try
            {
                return await pending.ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new OperationCanceledException("The client cancelled the call.", ex, aborted);
            }
        }
    }

    /// <summary>Maps a handler/interceptor exception to the call's final status.</summary>
    public void SetStatusFromException(Exception exception, ILogger logger)
    {
        switch (exception)
        {
            case RpcException rpc:
                _status = rpc.Status;
                if (rpc.Trailers.Count > 0)
                {
                    foreach (var entry in rpc.Trailers)
                    {
                        ResponseTrailers.Add(entry);
                    }
                }

                if (_binding.Options.EnableDetailedErrors || rpc.StatusCode is StatusCode.Internal or StatusCode.Unknown)
                {
                    GrpcLog.RpcError(logger, _binding.Info.FullName, rpc.StatusCode, rpc.Status.Detail, rpc.Status.DebugException);
                }

                break;
            case OperationCanceledException when DeadlineExpired:
                _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                GrpcLog.DeadlineExceeded(logger, _binding.Info.FullName);
                break;
            case OperationCanceledException oce when _http.RequestAborted.IsCancellationRequested || oce.CancellationToken == _http.RequestAborted:
                _status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
                GrpcLog.CallCancelled(logger, _binding.Info.FullName);
                break;
            case IOException when _http.RequestAborted.IsCancellationRequested:
                _status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
                GrpcLog.CallCancelled(logger, _binding.Info.FullName);
                break;
            default:
                GrpcLog.HandlerFailed(logger, _binding.Info.FullName, exception);
                _status = new Status(
                    StatusCode.Internal,
                    _binding.Options.EnableDetailedErrors ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}" : "Exception was thrown by handler.");
                break;
        }
    }

    /// <summary>
    /// Ends the call: status and trailers. If nothing was sent yet, a trailers-only response
    /// (the status goes in the single HEADERS frame, which ends the stream).
    /// </summary>
    public void Complete()
    {
        lock (_writeGate)
        {
            CompleteUnderGate();
        }
    }

    private void CompleteUnderGate()
    {
        _completed = true;
        if (_status.StatusCode == StatusCode.OK && DeadlineExpired)
        {
            _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        var response = _http.Response;
        if (!_messageWritten && !response.HasStarted)
        {
            var headers = response.Headers;
            headers[GrpcProtocol.StatusHeader] = StatusCodeText((int)_status.StatusCode);
            if (_status.Detail.Length > 0)
            {
                headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(_status.Detail);
            }

            if (_responseTrailers is { Count: > 0 })
            {
                foreach (var entry in _responseTrailers)
                {
                    headers.Append(entry.Key, entry.IsBinary ? Base64Metadata.Encode(entry.ValueBytes) : entry.Value);
                }
            }

            return;
        }

        var trailers = _http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers.IsReadOnly)
        {
            // Only possible on HTTP/1.x, which gRPC does not support; nothing better can be done.
            _http.Abort();
            return;
        }

        trailers[GrpcProtocol.StatusHeader] = StatusCodeText((int)_status.StatusCode);
        if (_status.Detail.Length > 0)
        {
            trailers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(_status.Detail);
        }

        if (_responseTrailers is { Count: > 0 })
        {
            foreach (var entry in _responseTrailers)
            {
                trailers.Append(entry.Key, entry.IsBinary ? Base64Metadata.Encode(entry.ValueBytes) : entry.Value);
            }
        }
    }

    public void Dispose() => _deadlineCts?.Dispose();

    private static readonly string[] StatusTexts = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string StatusCodeText(int code) => (uint)code < (uint)StatusTexts.Length ? StatusTexts[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (GrpcProtocol.IsReservedRequestHeader(header.Key))
            {
                continue;
            }

            var key = header.Key.ToLowerInvariant();
            foreach (var value in header.Value)
            {
                if (value is null)
                {
                    continue;
                }

                try
                {
                    if (Metadata.Entry.IsBinaryKey(key))
                    {
                        // Several values may be joined with commas in one header field.
                        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            metadata.Add(new Metadata.Entry(key, Base64Metadata.Decode(part)));
                        }
                    }
                    else
                    {
                        metadata.Add(new Metadata.Entry(key, value));
                    }
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    // A malformed custom header is not the handler's problem: leave it out.
                }
            }
        }

        return metadata;
    }
}

using System.IO.Pipelines;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using EducationHub.Grpc.Internal;
using Google.Protobuf;

namespace EducationHub.Grpc.Client;

/// <summary>
/// One client call over one HTTP/2 stream, for every method kind: sends the request (a single
/// message or a pushed stream), reads framed responses, and turns the status into exceptions.
/// </summary>
internal sealed class ClientCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private const string UserAgent = "educationhub-grpc-dotnet/1.0";

    private readonly GrpcChannel _channel;
    private readonly GrpcMethod<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource? _deadlineCts;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private readonly CancellationTokenSource _callCts;
    private readonly bool _compressRequests;
    private Task<HttpResponseMessage>? _sendTask;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private string? _responseEncoding;
    private Metadata? _responseHeaders;
    private Metadata? _trailers;
    private Status? _status;
    private PushContent? _pushContent;
    private Task? _responseReady;
    private bool _disposed;

    public ClientCall(GrpcChannel channel, GrpcMethod<TRequest, TResponse> method, CallOptions? options)
    {
        _channel = channel;
        _method = method;
        _options = options ?? new CallOptions();
        if (_options.RequestCompression is { } compression)
        {
            if (!string.Equals(compression, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Unsupported request compression '{compression}': only gzip is supported.", nameof(options));
            }

            _compressRequests = true;
        }

        _callCts = CancellationTokenSource.CreateLinkedTokenSource(_options.CancellationToken);
        Deadline = _options.EffectiveDeadline;
        if (Deadline is { } deadline)
        {
            var remaining = deadline - DateTime.UtcNow;
            _deadlineCts = new CancellationTokenSource();
            if (remaining <= TimeSpan.Zero)
            {
                _deadlineCts.Cancel();
            }
            else if (remaining.TotalMilliseconds < uint.MaxValue - 1)
            {
                _deadlineCts.CancelAfter(remaining);
            }

            _deadlineRegistration = _deadlineCts.Token.UnsafeRegister(CallCancellation.Cancel, _callCts);
        }
    }

    public DateTime? Deadline { get; }

    private CancellationToken Token => _callCts.Token;

    /// <summary>Starts a call with exactly one request message (unary, server streaming).</summary>
    public void StartWithMessage(TRequest request)
    {
        var frame = new ArrayBufferWriter(request.CalculateSize() + GrpcProtocol.HeaderSize);
        MessageFraming.WriteFrame(frame, request, _compressRequests, _channel.Options.MaxSendMessageSize);
        Start(new FrameContent(frame.ToArray()));
    }

    /// <summary>Starts a call whose request messages are written later (client streaming, duplex).</summary>
    public void StartStreaming()
    {
        _pushContent = new PushContent();
        Start(_pushContent);
    }

    private void Start(HttpContent content)
    {
        content.Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.BuildUri(_method.FullName))
        {
            Version = HttpVersion.Version20,
            // http:// → cleartext HTTP/2 with prior knowledge; https:// → TLS with ALPN h2. Never HTTP/1.1.
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (_compressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }

        if (Deadline is { } deadline)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(deadline - DateTime.UtcNow));
        }

        var token = _options.BearerToken ?? _channel.Options.DefaultBearerToken;
        if (token is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                headers.TryAddWithoutValidation(entry.Key, entry.IsBinary ? Base64Metadata.Encode(entry.ValueBytes) : entry.Value);
            }
        }

        if (_deadlineCts is { IsCancellationRequested: true })
        {
            _status = new Status(StatusCode.DeadlineExceeded, "Deadline exceeded before the call started.");
            _sendTask = Task.FromException<HttpResponseMessage>(new RpcException(_status.Value));
            request.Dispose();
            return;
        }

        _sendTask = _channel.Invoker.SendAsync(request, Token);
    }

    /// <summary>Waits for the response headers; on a trailers-only or HTTP-level failure, records the status.</summary>
    public async Task<Metadata> GetResponseHeadersAsync()
    {
        await EnsureResponseAsync().ConfigureAwait(false);
        return _responseHeaders ?? Metadata.Empty;
    }

    /// <summary>Runs once per call, however many readers ask (headers and response may be awaited concurrently).</summary>
    private Task EnsureResponseAsync()
    {
        lock (_callCts)
        {
            return _responseReady ??= EnsureResponseCoreAsync();
        }
    }

    private async Task EnsureResponseCoreAsync()
    {
        if (_status is not null)
        {
            return;
        }

        HttpResponseMessage response;
        try
        {
            response = await _sendTask!.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw SetFailure(ex);
        }
        catch (RpcException)
        {
            throw;
        }

        _response = response;
        _responseHeaders = ReadMetadata(response.Headers);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            _status = new Status(MapHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
            _trailers = Metadata.Empty;
            return;
        }

        var grpcStatus = GetHeader(response.Headers, GrpcProtocol.StatusHeader);
        if (grpcStatus is not null)
        {
            // Trailers-only response: the status is in the headers and there is no body.
            _status = ParseStatus(grpcStatus, GetHeader(response.Headers, GrpcProtocol.MessageHeader));
            _trailers = _responseHeaders;
            return;
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            _status = new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
            _trailers = Metadata.Empty;
            return;
        }

        _responseEncoding = GetHeader(response.Headers, GrpcProtocol.EncodingHeader);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false);
            _reader = PipeReader.Create(stream);
        }
        catch (Exception ex)
        {
            throw SetFailure(ex);
        }
    }

    /// <summary>Reads the next response message; at the end of the stream, the status (throws if not OK).</summary>
    public async Task<TResponse?> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        await EnsureResponseAsync().ConfigureAwait(false);
        if (_reader is null)
        {
            ThrowIfNotOk();
            return null;
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(CallCancellation.Cancel, _callCts)
            : default;
        var max = _channel.Options.MaxReceiveMessageSize;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw SetFailure(ex);
            }

            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                var rest = buffer;
                if (MessageFraming.TryReadFrame(ref rest, max, out var payload, out var compressed))
                {
                    var message = MessageFraming.Parse(_method.ResponseParser, payload, compressed, _responseEncoding, max);
                    consumed = examined = rest.Start;
                    return message;
                }

                if (result.IsCompleted)
                {
                    consumed = buffer.End;
                    if (buffer.Length > 0)
                    {
                        _status = new Status(StatusCode.Internal, "Incomplete response message.");
                        _trailers = Metadata.Empty;
                    }
                    else
                    {
                        ReadTrailers();
                    }

                    ThrowIfNotOk();
                    return null;
                }
            }
            catch (RpcException ex) when (_status is null)
            {
                // Protocol problems found while reading (size limit, bad frame): end the call with them.
                _status = ex.Status;
                _trailers = Metadata.Empty;
                _callCts.Cancel();
                throw;
            }
            finally
            {
                _reader.AdvanceTo(consumed, examined);
            }
        }
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished yet.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not finished yet.");

    /// <summary>Writes one request message on a streaming call and flushes it.</summary>
    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfFailed();
        var content = _pushContent ?? throw new InvalidOperationException("Not a streaming call.");
        var frame = new ArrayBufferWriter(message.CalculateSize() + GrpcProtocol.HeaderSize);
        MessageFraming.WriteFrame(frame, message, _compressRequests, _channel.Options.MaxSendMessageSize);
        try
        {
            var stream = await content.GetStreamAsync(Token).ConfigureAwait(false);
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(Token, cancellationToken) : null;
            var token = linked?.Token ?? Token;
            await stream.WriteAsync(frame.WrittenMemory, token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            // The server may have ended the call already: report its status if we can get it.
            ThrowIfFailed();
            throw SetFailure(ex);
        }
    }

    public void CompleteRequests() => _pushContent?.Complete();

    private void ThrowIfFailed()
    {
        if (_status is { StatusCode: not StatusCode.OK } status)
        {
            throw new RpcException(status, _trailers ?? Metadata.Empty);
        }
    }

    private void ThrowIfNotOk()
    {
        var status = _status ?? new Status(StatusCode.Internal, "The call ended without a status.");
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, _trailers ?? Metadata.Empty);
        }
    }

    private void ReadTrailers()
    {
        var trailing = _response!.TrailingHeaders;
        _trailers = ReadMetadata(trailing);
        var grpcStatus = GetHeader(trailing, GrpcProtocol.StatusHeader);
        _status = grpcStatus is null
            ? new Status(StatusCode.Internal, "The response ended without a grpc-status trailer.")
            : ParseStatus(grpcStatus, GetHeader(trailing, GrpcProtocol.MessageHeader));
    }

    /// <summary>Records (and returns as an exception) the status for a transport-level failure.</summary>
    private RpcException SetFailure(Exception ex)
    {
        if (_status is { } known && known.StatusCode != StatusCode.OK)
        {
            return new RpcException(known, _trailers ?? Metadata.Empty);
        }

        Status status;
        if (_deadlineCts is { IsCancellationRequested: true })
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.", ex);
        }
        else if (_callCts.IsCancellationRequested || ex is OperationCanceledException)
        {
            status = new Status(StatusCode.Cancelled, "Call cancelled.", ex);
        }
        else if (FindProtocolError(ex) is { } protocolError)
        {
            // RST_STREAM from the server: CANCEL(8) means the server cancelled the call.
            status = protocolError.ErrorCode == 0x8
                ? new Status(StatusCode.Cancelled, "Stream reset by the server.", ex)
                : new Status(StatusCode.Internal, $"HTTP/2 stream error {protocolError.ErrorCode}.", ex);
        }
        else
        {
            status = new Status(StatusCode.Unavailable, "Error connecting to the server: " + ex.Message, ex);
        }

        _status = status;
        _trailers = Metadata.Empty;
        _callCts.Cancel();
        return new RpcException(status, _trailers, status.Detail);
    }

    private static HttpProtocolException? FindProtocolError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpProtocolException protocol)
            {
                return protocol;
            }
        }

        return null;
    }

    private static Status ParseStatus(string code, string? message)
    {
        if (!int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return new Status(StatusCode.Unknown, $"Invalid grpc-status '{code}'.");
        }

        return new Status((StatusCode)value, message is null ? "" : PercentEncoding.Decode(message));
    }

    private static StatusCode MapHttpStatus(HttpStatusCode code) => (int)code switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private static string? GetHeader(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            if (GrpcProtocol.IsReservedRequestHeader(header.Key) || string.Equals(header.Key, "date", StringComparison.OrdinalIgnoreCase) || string.Equals(header.Key, "server", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = header.Key.ToLowerInvariant();
            foreach (var value in header.Value)
            {
                try
                {
                    if (Metadata.Entry.IsBinaryKey(key))
                    {
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
                    // Malformed metadata from the peer is dropped rather than failing the call.
                }
            }
        }

        return metadata;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_status is null)
        {
            // Abandoning an unfinished call cancels it (RST_STREAM to the server).
            _callCts.Cancel();
        }

        _pushContent?.Complete();
        _reader?.Complete();
        _response?.Dispose();
        // Waits for a deadline callback already running, so none touches the sources after this.
        _deadlineRegistration.Dispose();
        _deadlineCts?.Dispose();
        _callCts.Dispose();
    }

    /// <summary>A growable byte buffer implementing IBufferWriter, for building one request frame.</summary>
    private sealed class ArrayBufferWriter(int initialCapacity) : System.Buffers.IBufferWriter<byte>
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _inner = new(Math.Max(initialCapacity, 16));

        public ReadOnlyMemory<byte> WrittenMemory => _inner.WrittenMemory;

        public void Advance(int count) => _inner.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => _inner.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => _inner.GetSpan(sizeHint);

        public byte[] ToArray() => _inner.WrittenSpan.ToArray();
    }

    /// <summary>The body of a single-message request.</summary>
    private sealed class FrameContent(byte[] frame) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(frame, 0, frame.Length);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            stream.WriteAsync(frame, cancellationToken).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = frame.Length;
            return true;
        }
    }

    /// <summary>
    /// A request body written while the call runs: HttpClient hands us the stream, the call's
    /// writer pushes frames into it, and completing the content ends the request (END_STREAM).
    /// </summary>
    private sealed class PushContent : HttpContent
    {
        private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Stream> GetStreamAsync(CancellationToken cancellationToken) => _stream.Task.WaitAsync(cancellationToken);

        public void Complete() => _complete.TrySetResult();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            // Send the request headers now, without waiting for the first message.
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _stream.TrySetResult(stream);
            await _complete.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

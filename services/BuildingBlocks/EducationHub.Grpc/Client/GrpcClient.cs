using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace EducationHub.Grpc.Client;

/// <summary>
/// Calls gRPC methods on one channel. Methods are named by path (<c>/package.Service/Method</c>)
/// or by a <see cref="GrpcMethod{TRequest,TResponse}"/> handle. A non-OK status throws
/// <see cref="RpcException"/> with the status and trailers (see <c>GetBadRequest()</c>).
/// </summary>
public sealed class GrpcClient(GrpcChannel channel)
{
    public GrpcChannel Channel { get; } = channel ?? throw new ArgumentNullException(nameof(channel));

    // ---- unary ----

    public Task<TResponse> UnaryAsync<TRequest, TResponse>(string method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        UnaryAsync(Method<TRequest, TResponse>(MethodType.Unary, method), request, options);

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        (await UnaryCallAsync(method, request, options).ConfigureAwait(false)).Response;

    /// <summary>A unary call that also returns the response headers and trailers.</summary>
    public Task<GrpcResponse<TResponse>> UnaryCallAsync<TRequest, TResponse>(string method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        UnaryCallAsync(Method<TRequest, TResponse>(MethodType.Unary, method), request, options);

    public async Task<GrpcResponse<TResponse>> UnaryCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        using var call = new ClientCall<TRequest, TResponse>(Channel, method, options);
        call.StartWithMessage(request);
        var headers = await call.GetResponseHeadersAsync().ConfigureAwait(false);
        var response = await call.ReadNextAsync().ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server returned OK without a response message."), call.GetTrailers());
        }

        if (await call.ReadNextAsync().ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server returned more than one response message to a unary call."));
        }

        return new GrpcResponse<TResponse>(response, headers, call.GetTrailers());
    }

    // ---- server streaming ----

    /// <summary>Server streaming as an async sequence; the status is checked when the sequence ends.</summary>
    public IAsyncEnumerable<TResponse> ServerStreaming<TRequest, TResponse>(string method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        ServerStreaming(Method<TRequest, TResponse>(MethodType.ServerStreaming, method), request, options);

    public async IAsyncEnumerable<TResponse> ServerStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method,
        TRequest request,
        CallOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var call = StartServerStreaming(method, request, options);
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return call.ResponseStream.Current;
        }
    }

    /// <summary>Server streaming with access to headers, trailers and status.</summary>
    public ServerStreamingCall<TResponse> StartServerStreaming<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options);
        call.StartWithMessage(request);
        return new ServerStreamingCall<TResponse>(new ResponseReader<TRequest, TResponse>(call), call.GetResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    // ---- client streaming ----

    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(string method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        ClientStreaming(Method<TRequest, TResponse>(MethodType.ClientStreaming, method), options);

    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options);
        call.StartStreaming();
        return new ClientStreamingCall<TRequest, TResponse>(new RequestWriter<TRequest, TResponse>(call), ReadSingleAsync(call), call.GetResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    /// <summary>Sends every request, then returns the single response.</summary>
    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, IEnumerable<TRequest> requests, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var call = ClientStreaming(method, options);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    // ---- duplex ----

    public DuplexStreamingCall<TRequest, TResponse> Duplex<TRequest, TResponse>(string method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        Duplex(Method<TRequest, TResponse>(MethodType.DuplexStreaming, method), options);

    public DuplexStreamingCall<TRequest, TResponse> Duplex<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        var call = new ClientCall<TRequest, TResponse>(Channel, method, options);
        call.StartStreaming();
        return new DuplexStreamingCall<TRequest, TResponse>(new RequestWriter<TRequest, TResponse>(call), new ResponseReader<TRequest, TResponse>(call), call.GetResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> ReadSingleAsync<TRequest, TResponse>(ClientCall<TRequest, TResponse> call)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var response = await call.ReadNextAsync().ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The server returned OK without a response message."), call.GetTrailers());
        if (await call.ReadNextAsync().ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server returned more than one response message."));
        }

        return response;
    }

    private static GrpcMethod<TRequest, TResponse> Method<TRequest, TResponse>(MethodType type, string path)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/')
        {
            throw new ArgumentException($"Method path must look like '/package.Service/Method', got '{path}'.", nameof(path));
        }

        return new GrpcMethod<TRequest, TResponse>(type, path, ParserCache<TResponse>.Parser);
    }

    private static class ParserCache<T>
        where T : class, IMessage<T>, new()
    {
        public static readonly MessageParser<T> Parser = new(() => new T());
    }
}

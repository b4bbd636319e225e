using EducationHub.Grpc;
using Microsoft.AspNetCore.Http;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EducationHub.Testing.Interop;

/// <summary>
/// The interop test service: behaviour as documented at the top of Protos/interop.proto, which
/// is the contract the Python/Node clients are written from.
/// </summary>
[AllowAnonymousCall]
public sealed class TestServiceImpl : IGrpcService
{
    public const string EchoInitialKey = "x-grpc-test-echo-initial";
    public const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public static ServiceDescriptor Descriptor => InteropReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService");

    public Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        EchoMetadata(context);
        return Task.FromResult(new Empty());
    }

    public Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        EchoMetadata(context);
        EnsureCompressedIfExpected(request.ExpectCompressed, context);
        ThrowIfEchoStatus(request.ResponseStatus);
        if (request.ResponseCompressed)
        {
            context.ResponseCompressionAlgorithm = "gzip";
        }

        return Task.FromResult(new SimpleResponse { Payload = NewPayload(request.ResponseSize) });
    }

    public async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        EchoMetadata(context);
        await WriteResponsesAsync(request, responses, context).ConfigureAwait(false);
        ThrowIfEchoStatus(request.ResponseStatus);
    }

    public async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requests, ServerCallContext context)
    {
        EchoMetadata(context);
        var total = 0;
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            EnsureCompressedIfExpected(requests.Current.ExpectCompressed, context);
            total += requests.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        EchoMetadata(context);
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            ThrowIfEchoStatus(requests.Current.ResponseStatus);
            await WriteResponsesAsync(requests.Current, responses, context).ConfigureAwait(false);
        }
    }

    public async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        EchoMetadata(context);
        var all = new List<StreamingOutputCallRequest>();
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            all.Add(requests.Current);
        }

        foreach (var request in all)
        {
            ThrowIfEchoStatus(request.ResponseStatus);
            await WriteResponsesAsync(request, responses, context).ConfigureAwait(false);
        }
    }

    public Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "UnimplementedCall is deliberately not implemented."));

    public Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);

    public Task<ValidatedResponse> ValidateCall(ValidatedRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.RequireNotEmpty(request.Name, "name");
        errors.Require(request.Name.Length <= 50, "name", "must be at most 50 characters");
        errors.Require(request.Age is >= 0 and <= 150, "age", "must be between 0 and 150");
        errors.ThrowIfAny();
        return Task.FromResult(new ValidatedResponse { Greeting = $"Hello {request.Name}" });
    }

    private static async Task WriteResponsesAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        var anyCompressed = false;
        foreach (var p in request.ResponseParameters)
        {
            anyCompressed |= p.Compressed;
        }

        if (anyCompressed)
        {
            // Ignored once headers are out; the per-message NoCompress flag picks which messages are compressed.
            context.ResponseCompressionAlgorithm = "gzip";
        }

        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken).ConfigureAwait(false);
            }

            responses.WriteOptions = parameters.Compressed ? WriteOptions.Default : new WriteOptions(WriteFlags.NoCompress);
            await responses.WriteAsync(new StreamingOutputCallResponse { Payload = NewPayload(parameters.Size) }).ConfigureAwait(false);
        }
    }

    private static Payload NewPayload(int size)
    {
        if (size < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "response_size must not be negative"));
        }

        return new Payload { Body = size == 0 ? ByteString.Empty : ByteString.CopyFrom(new byte[size]) };
    }

    private static void ThrowIfEchoStatus(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static void EnsureCompressedIfExpected(bool expectCompressed, ServerCallContext context)
    {
        if (expectCompressed && !context.LastRequestMessageCompressed)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected a compressed request message."));
        }
    }

    private static void EchoMetadata(ServerCallContext context)
    {
        var initial = context.RequestHeaders.Get(EchoInitialKey);
        if (initial is not null && !context.GetHttpContext().Response.HasStarted)
        {
            // Added straight to the response headers so they also appear in trailers-only responses.
            context.GetHttpContext().Response.Headers.Append(EchoInitialKey, initial.Value);
        }

        var trailing = context.RequestHeaders.Get(EchoTrailingKey);
        if (trailing is not null && context.ResponseTrailers.Get(EchoTrailingKey) is null)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing.ValueBytes);
        }
    }
}

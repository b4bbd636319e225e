using EducationHub.Grpc.Client;
using EducationHub.Testing.Interop;

namespace EducationHub.Grpc.Tests;

/// <summary>Typed handles to the interop service's methods, built from the descriptor.</summary>
internal static class TestMethods
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = TestServiceImpl.Descriptor;

    public static readonly GrpcMethod<Empty, Empty> EmptyCall = GrpcMethod.FromDescriptor<Empty, Empty>(Service, "EmptyCall");
    public static readonly GrpcMethod<SimpleRequest, SimpleResponse> UnaryCall = GrpcMethod.FromDescriptor<SimpleRequest, SimpleResponse>(Service, "UnaryCall");
    public static readonly GrpcMethod<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall = GrpcMethod.FromDescriptor<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service, "StreamingOutputCall");
    public static readonly GrpcMethod<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall = GrpcMethod.FromDescriptor<StreamingInputCallRequest, StreamingInputCallResponse>(Service, "StreamingInputCall");
    public static readonly GrpcMethod<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall = GrpcMethod.FromDescriptor<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service, "FullDuplexCall");
    public static readonly GrpcMethod<StreamingOutputCallRequest, StreamingOutputCallResponse> HalfDuplexCall = GrpcMethod.FromDescriptor<StreamingOutputCallRequest, StreamingOutputCallResponse>(Service, "HalfDuplexCall");
    public static readonly GrpcMethod<ValidatedRequest, ValidatedResponse> ValidateCall = GrpcMethod.FromDescriptor<ValidatedRequest, ValidatedResponse>(Service, "ValidateCall");
    public static readonly GrpcMethod<EchoMessage, EchoMessage> Echo = GrpcMethod.FromDescriptor<EchoMessage, EchoMessage>(Service, "Echo");
}

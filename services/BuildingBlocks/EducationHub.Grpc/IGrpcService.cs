using Google.Protobuf.Reflection;

namespace EducationHub.Grpc;

/// <summary>
/// A gRPC service implementation. It names the protobuf service it implements; binding walks
/// that descriptor and requires one public method per proto method (same name).
/// </summary>
public interface IGrpcService
{
    static abstract ServiceDescriptor Descriptor { get; }
}

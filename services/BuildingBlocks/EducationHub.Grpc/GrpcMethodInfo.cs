using Google.Protobuf.Reflection;

namespace EducationHub.Grpc;

/// <summary>What the layer knows about a bound method; read by interceptors (auth, logging).</summary>
public sealed class GrpcMethodInfo
{
    internal GrpcMethodInfo(MethodDescriptor descriptor, System.Reflection.MethodInfo? handler, IReadOnlyList<string> requiredScopes, bool allowAnonymous)
    {
        Descriptor = descriptor;
        Handler = handler;
        ServiceName = descriptor.Service.FullName;
        MethodName = descriptor.Name;
        FullName = "/" + ServiceName + "/" + MethodName;
        Kind = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        RequiredScopes = requiredScopes;
        AllowAnonymous = allowAnonymous;
    }

    /// <summary>Fully qualified service name, e.g. <c>educationhub.governance.v1.GovernanceService</c>.</summary>
    public string ServiceName { get; }

    public string MethodName { get; }

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    public MethodType Kind { get; }

    /// <summary>Scopes the caller must hold (all of them); empty when <see cref="AllowAnonymous"/>.</summary>
    public IReadOnlyList<string> RequiredScopes { get; }

    /// <summary>The first required scope, or null.</summary>
    public string? RequiredScope => RequiredScopes.Count > 0 ? RequiredScopes[0] : null;

    public bool AllowAnonymous { get; }

    public MethodDescriptor Descriptor { get; }

    /// <summary>The CLR method that handles the call.</summary>
    public System.Reflection.MethodInfo? Handler { get; }

    public override string ToString() => FullName;
}

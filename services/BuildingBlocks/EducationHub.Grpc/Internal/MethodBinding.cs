using Microsoft.Extensions.Logging;

namespace EducationHub.Grpc.Internal;

/// <summary>Everything resolved once at startup for one bound method.</summary>
internal sealed class MethodBinding(GrpcMethodInfo info, GrpcServerOptions options, IGrpcInterceptor[] interceptors, ILogger logger)
{
    public GrpcMethodInfo Info { get; } = info;

    public GrpcServerOptions Options { get; } = options;

    public IGrpcInterceptor[] Interceptors { get; } = interceptors;

    public ILogger Logger { get; } = logger;
}

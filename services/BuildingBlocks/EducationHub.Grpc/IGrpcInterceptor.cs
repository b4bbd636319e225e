using Microsoft.AspNetCore.Http;

namespace EducationHub.Grpc;

/// <summary>
/// Runs around every call, in registration order (<c>AddGrpcInterceptor&lt;T&gt;()</c>), inside the
/// layer's own exception mapping, logging and tracing. Throw <see cref="RpcException"/> to end
/// the call with a status; call <c>next()</c> to continue. Interceptors are singletons: get
/// scoped services from <see cref="GrpcCall.Services"/>.
/// </summary>
public interface IGrpcInterceptor
{
    Task InvokeAsync(GrpcCall call, Func<Task> next);
}

/// <summary>The call an interceptor sees.</summary>
public sealed class GrpcCall
{
    private readonly IGrpcInterceptor[] _interceptors;
    private readonly Func<Task> _terminal;
    private readonly Func<Task> _next;
    private int _index;

    internal GrpcCall(ServerCallContext context, IGrpcInterceptor[] interceptors, Func<Task> terminal)
    {
        Context = context;
        _interceptors = interceptors;
        _terminal = terminal;
        _next = Next;
    }

    public ServerCallContext Context { get; }

    public GrpcMethodInfo Method => Context.MethodInfo;

    public HttpContext HttpContext => Context.GetHttpContext();

    /// <summary>The request's DI scope.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    internal Task RunAsync() => Next();

    private Task Next()
    {
        var index = _index++;
        return index < _interceptors.Length ? _interceptors[index].InvokeAsync(this, _next) : _terminal();
    }
}

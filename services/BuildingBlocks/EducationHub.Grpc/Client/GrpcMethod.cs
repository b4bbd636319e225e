using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EducationHub.Grpc.Client;

/// <summary>A typed handle to one remote method: its path and message parsers.</summary>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public GrpcMethod(MethodType type, string fullName, MessageParser<TResponse> responseParser)
    {
        Type = type;
        FullName = fullName;
        ResponseParser = responseParser;
    }

    public MethodType Type { get; }

    /// <summary>/package.Service/Method</summary>
    public string FullName { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    public override string ToString() => FullName;
}

public static class GrpcMethod
{
    /// <summary>Builds a typed method handle from a generated service descriptor.</summary>
    public static GrpcMethod<TRequest, TResponse> FromDescriptor<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException($"{method.FullName} takes {method.InputType.ClrType?.Name} and returns {method.OutputType.ClrType?.Name}, not {typeof(TRequest).Name}/{typeof(TResponse).Name}.", nameof(method));
        }

        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        return new GrpcMethod<TRequest, TResponse>(type, "/" + method.Service.FullName + "/" + method.Name, (MessageParser<TResponse>)method.OutputType.Parser);
    }

    /// <summary>Builds a handle for <paramref name="methodName"/> of a generated service descriptor.</summary>
    public static GrpcMethod<TRequest, TResponse> FromDescriptor<TRequest, TResponse>(ServiceDescriptor service, string methodName)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(service);
        var method = service.FindMethodByName(methodName) ?? throw new ArgumentException($"{service.FullName} has no method {methodName}.", nameof(methodName));
        return FromDescriptor<TRequest, TResponse>(method);
    }
}

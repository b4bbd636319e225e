using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// Turns a service implementation into one request delegate per proto method. All reflection
/// happens here, once, at startup; calls run through typed, cached delegates.
/// </summary>
internal static class ServiceBinder
{
    public static List<(GrpcMethodInfo Info, RequestDelegate Handler)> Bind(
        Type serviceType,
        ServiceDescriptor descriptor,
        Func<GrpcMethodInfo, MethodBinding> bindingFactory)
    {
        var result = new List<(GrpcMethodInfo, RequestDelegate)>();
        var problems = new List<string>();
        foreach (var method in descriptor.Methods)
        {
            var fullName = "/" + descriptor.FullName + "/" + method.Name;
            var requestType = method.InputType.ClrType;
            var responseType = method.OutputType.ClrType;
            var kind = (method.IsClientStreaming, method.IsServerStreaming) switch
            {
                (false, false) => MethodType.Unary,
                (true, false) => MethodType.ClientStreaming,
                (false, true) => MethodType.ServerStreaming,
                _ => MethodType.DuplexStreaming,
            };
            var expected = ExpectedSignature(kind, method.Name, requestType, responseType);
            var candidates = serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == method.Name)
                .ToList();
            if (candidates.Count == 0)
            {
                problems.Add($"{fullName} has no handler: add '{expected}' to {serviceType.Name}.");
                continue;
            }

            var handlerMethod = candidates.FirstOrDefault(m => Matches(m, kind, requestType, responseType));
            if (handlerMethod is null)
            {
                problems.Add($"{fullName}: {serviceType.Name}.{method.Name} has the wrong signature; expected '{expected}'.");
                continue;
            }

            var methodScopes = handlerMethod.GetCustomAttributes<RequiresScopeAttribute>(inherit: true).Select(a => a.Scope).ToArray();
            var methodAnonymous = handlerMethod.IsDefined(typeof(AllowAnonymousCallAttribute), inherit: true);
            if (methodScopes.Length == 0 && !methodAnonymous)
            {
                // Fall back to the class-level attributes.
                methodScopes = serviceType.GetCustomAttributes<RequiresScopeAttribute>(inherit: true).Select(a => a.Scope).ToArray();
                methodAnonymous = serviceType.IsDefined(typeof(AllowAnonymousCallAttribute), inherit: true);
            }

            if (methodScopes.Length == 0 && !methodAnonymous)
            {
                problems.Add($"{fullName}: {serviceType.Name}.{method.Name} must declare [RequiresScope(\"...\")] or [AllowAnonymousCall].");
                continue;
            }

            if (methodScopes.Length > 0 && methodAnonymous)
            {
                problems.Add($"{fullName}: {serviceType.Name}.{method.Name} has both [RequiresScope] and [AllowAnonymousCall]; choose one.");
                continue;
            }

            var info = new GrpcMethodInfo(method, handlerMethod, methodScopes, methodAnonymous);
            var binding = bindingFactory(info);
            var create = typeof(ServiceBinder)
                .GetMethod(nameof(CreateHandler), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(serviceType, requestType, responseType);
            var handler = (RequestDelegate)create.Invoke(null, [kind, binding, method.InputType.Parser, handlerMethod])!;
            result.Add((info, handler));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot bind gRPC service {descriptor.FullName} to {serviceType.FullName}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return result;
    }

    private static RequestDelegate CreateHandler<TService, TRequest, TResponse>(MethodType kind, MethodBinding binding, MessageParser parser, MethodInfo method)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        // The generated MessageDescriptor.Parser is the message's own MessageParser<T>.
        var typedParser = (MessageParser<TRequest>)parser;
        return kind switch
        {
            MethodType.Unary => new UnaryCallHandler<TService, TRequest, TResponse>(
                binding, typedParser, method.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>()).HandleCallAsync,
            MethodType.ServerStreaming => new ServerStreamingCallHandler<TService, TRequest, TResponse>(
                binding, typedParser, method.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>()).HandleCallAsync,
            MethodType.ClientStreaming => new ClientStreamingCallHandler<TService, TRequest, TResponse>(
                binding, typedParser, method.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>()).HandleCallAsync,
            _ => new DuplexStreamingCallHandler<TService, TRequest, TResponse>(
                binding, typedParser, method.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>()).HandleCallAsync,
        };
    }

    private static bool Matches(MethodInfo m, MethodType kind, Type request, Type response)
    {
        var p = m.GetParameters().Select(x => x.ParameterType).ToArray();
        return kind switch
        {
            MethodType.Unary => m.ReturnType == typeof(Task<>).MakeGenericType(response)
                && p.SequenceEqual([request, typeof(ServerCallContext)]),
            MethodType.ServerStreaming => m.ReturnType == typeof(Task)
                && p.SequenceEqual([request, typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)]),
            MethodType.ClientStreaming => m.ReturnType == typeof(Task<>).MakeGenericType(response)
                && p.SequenceEqual([typeof(IAsyncStreamReader<>).MakeGenericType(request), typeof(ServerCallContext)]),
            _ => m.ReturnType == typeof(Task)
                && p.SequenceEqual([typeof(IAsyncStreamReader<>).MakeGenericType(request), typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)]),
        };
    }

    private static string ExpectedSignature(MethodType kind, string name, Type request, Type response) => kind switch
    {
        MethodType.Unary => $"public Task<{response.Name}> {name}({request.Name} request, ServerCallContext context)",
        MethodType.ServerStreaming => $"public Task {name}({request.Name} request, IServerStreamWriter<{response.Name}> responses, ServerCallContext context)",
        MethodType.ClientStreaming => $"public Task<{response.Name}> {name}(IAsyncStreamReader<{request.Name}> requests, ServerCallContext context)",
        _ => $"public Task {name}(IAsyncStreamReader<{request.Name}> requests, IServerStreamWriter<{response.Name}> responses, ServerCallContext context)",
    };
}

using EducationHub.Grpc.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Binds every method of <typeparamref name="TService"/>'s protobuf service to a route. Fails
    /// (at startup) naming every method without a matching handler or without an auth attribute.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IGrpcService
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService(typeof(TService), TService.Descriptor);
    }

    /// <summary>Non-generic form, for building blocks that bind their own services.</summary>
    public static IEndpointConventionBuilder MapGrpcService(this IEndpointRouteBuilder endpoints, Type serviceType, Google.Protobuf.Reflection.ServiceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentNullException.ThrowIfNull(descriptor);
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("The gRPC layer is not registered: call builder.Services.AddEducationHubGrpc() (AddServiceDefaults does).");
        var options = services.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var interceptors = options.InterceptorTypes.Select(t => (IGrpcInterceptor)services.GetRequiredService(t)).ToArray();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EducationHub.Grpc.Server");

        var methods = ServiceBinder.Bind(serviceType, descriptor, info => new MethodBinding(info, options, interceptors, logger));
        registry.Add(descriptor, serviceType);

        var builders = new List<IEndpointConventionBuilder>(methods.Count);
        foreach (var (info, handler) in methods)
        {
            builders.Add(endpoints.Map(RoutePatternFactory.Parse(info.FullName), handler)
                .WithDisplayName("gRPC " + info.FullName)
                .WithMetadata(info));
        }

        MapUnimplemented(endpoints, registry, logger);
        GrpcLog.ServiceBound(logger, descriptor.FullName, methods.Count);
        return new CompositeEndpointConventionBuilder(builders);
    }

    /// <summary>
    /// A last-resort route for gRPC requests (POST, application/grpc) to unknown services or
    /// methods: UNIMPLEMENTED as a trailers-only response. Other requests never match it.
    /// </summary>
    private static void MapUnimplemented(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, ILogger logger)
    {
        if (registry.UnimplementedRouteMapped)
        {
            return;
        }

        registry.UnimplementedRouteMapped = true;
        var pattern = RoutePatternFactory.Parse(
            "/{service}/{method}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { ["method"] = new GrpcContentTypeRouteConstraint() });
        endpoints.Map(pattern, context => HandleUnknown(context, registry, logger))
            .WithDisplayName("gRPC unimplemented")
            .Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
    }

    private static Task HandleUnknown(HttpContext context, GrpcServiceRegistry registry, ILogger logger)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return Task.CompletedTask;
        }

        var service = context.Request.RouteValues["service"] as string ?? "";
        GrpcLog.UnknownMethod(logger, context.Request.Path.Value ?? "");
        var response = context.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = registry.Contains(service) ? "Method is unimplemented." : "Service is unimplemented.";
        return Task.CompletedTask;
    }

    private sealed class GrpcContentTypeRouteConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            httpContext is not null && GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType);
    }

    private sealed class CompositeEndpointConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}

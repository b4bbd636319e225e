using System.Diagnostics;

namespace EducationHub.Grpc;

/// <summary>Tracing for gRPC calls: add <see cref="ActivitySourceName"/> to the tracer provider.</summary>
public static class GrpcDiagnostics
{
    public const string ActivitySourceName = "EducationHub.Grpc";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>
    /// A server span per call, child of the current activity (ASP.NET Core's request activity,
    /// which already continues an incoming W3C traceparent). Null when nobody listens.
    /// </summary>
    internal static Activity? StartServerActivity(GrpcMethodInfo method)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(method.ServiceName + "/" + method.MethodName, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", method.ServiceName);
            activity.SetTag("rpc.method", method.MethodName);
        }

        return activity;
    }

    internal static void StopServerActivity(Activity activity, StatusCode statusCode)
    {
        activity.SetTag("rpc.grpc.status_code", (int)statusCode);
        if (statusCode != StatusCode.OK)
        {
            activity.SetStatus(ActivityStatusCode.Error, statusCode.ToString());
        }

        activity.Dispose();
    }
}

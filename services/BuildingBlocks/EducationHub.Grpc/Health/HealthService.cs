using EducationHub.Grpc.Protocol.Health.V1;
using Google.Protobuf.Reflection;
using ServingStatus = EducationHub.Grpc.Protocol.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EducationHub.Grpc.Health;

/// <summary>grpc.health.v1.Health, reporting <see cref="HealthStatusRegistry"/>.</summary>
[AllowAnonymousCall]
public sealed class HealthService(HealthStatusRegistry statuses, GrpcServiceRegistry services) : IGrpcService
{
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Health");

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = Resolve(request.Service);
        if (status == ServingStatus.ServiceUnknown)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
        }

        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var (changes, subscription) = statuses.SubscribeChannel();
        using (subscription)
        {
            var last = (ServingStatus)(-1);
            try
            {
                while (true)
                {
                    var status = Resolve(request.Service);
                    if (status != last)
                    {
                        await responses.WriteAsync(new HealthCheckResponse { Status = status }).ConfigureAwait(false);
                        last = status;
                    }

                    await changes.ReadAsync(context.CancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                // The watcher went away (or its deadline passed): the normal end of a Watch.
            }
        }
    }

    private ServingStatus Resolve(string service)
    {
        var status = statuses.GetExplicitStatus(service);
        if (status is null && services.Contains(service))
        {
            status = statuses.GetExplicitStatus(HealthStatusRegistry.OverallService);
        }

        return status switch
        {
            GrpcHealthStatus.Serving => ServingStatus.Serving,
            GrpcHealthStatus.NotServing => ServingStatus.NotServing,
            GrpcHealthStatus.Unknown => ServingStatus.Unknown,
            _ => ServingStatus.ServiceUnknown,
        };
    }
}

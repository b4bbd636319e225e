using System.Net;
using EducationHub.Grpc;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Health;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ServingStatus = EducationHub.Grpc.Protocol.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EducationHub.Platform.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_and_grpc_health_follow_a_ready_check_while_liveness_stays_up()
    {
        var dependency = new SwitchableCheck();
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.Services.AddHealthChecks().AddCheck("dependency", dependency, tags: [HealthTags.Ready]),
            map: app => app.MapGrpcService<PlatformTestApi>());

        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(host, "/readyz")).Status);
        Assert.Equal(ServingStatus.Serving, await HealthProbe.GrpcAsync(host));
        Assert.Equal(ServingStatus.Serving, await HealthProbe.GrpcAsync(host, PlatformTestApi.ServiceName));

        dependency.Healthy = false;
        var (status, body) = await HealthProbe.GetAsync(host, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("dependency").GetString());
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(host, "/healthz")).Status);
        Assert.Equal(ServingStatus.NotServing, await HealthProbe.GrpcAsync(host));
        Assert.Equal(ServingStatus.NotServing, await HealthProbe.GrpcAsync(host, PlatformTestApi.ServiceName));
        // The liveness entry (Kubernetes' grpc liveness probe) stays SERVING: an unready pod is not restarted.
        Assert.Equal(ServingStatus.Serving, await HealthProbe.GrpcAsync(host, "liveness"));

        // Without anyone calling /readyz, the periodic evaluation brings the gRPC status back.
        dependency.Healthy = true;
        await HealthProbe.WaitForAsync(async () => await HealthProbe.GrpcAsync(host) == ServingStatus.Serving, "gRPC health SERVING again");
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(host, "/readyz")).Status);
    }

    [Fact]
    public async Task Readiness_includes_the_service_database()
    {
        await using var host = await TestServiceHost.StartAsync(configure: builder => builder.AddServiceDatabase<PlatformTestDbContext>("platformtest"));

        var (status, body) = await HealthProbe.GetAsync(host, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database-platformtest").GetString());
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_is_unreachable()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var host = await TestServiceHost.StartAsync(
            configure: builder => builder.AddServiceDatabase<PlatformTestDbContext>("platformtest"),
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:platformtest"] = $"Host=127.0.0.1;Port={port};Database=nowhere;Username=postgres;Timeout=3",
                ["Persistence:MigrateOnStartup"] = "false",
            });

        var (status, body) = await HealthProbe.GetAsync(host, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database-platformtest").GetString());
        Assert.DoesNotContain("nowhere", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(host, "/healthz")).Status);
        Assert.Equal(ServingStatus.NotServing, await HealthProbe.GrpcAsync(host));
    }
}

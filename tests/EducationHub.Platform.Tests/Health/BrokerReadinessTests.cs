using System.Diagnostics;
using System.Net;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Platform.Tests.Messaging;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ServingStatus = EducationHub.Grpc.Protocol.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EducationHub.Platform.Tests.Health;

/// <summary>Stops the shared test broker, so it runs in the non-parallel broker collection.</summary>
[Collection(BrokerCollection.Name)]
public sealed class BrokerReadinessTests
{
    // Both kinds of service: one that consumes (MassTransit's receive endpoint notices the outage)
    // and one that only publishes through its outbox (only our broker connection check can).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Readiness_fails_while_RabbitMQ_is_down_and_recovers_after(bool consumes)
    {
        await using var host = await TestServiceHost.StartAsync(
            configure: builder =>
            {
                builder.AddServiceDatabase<PlatformTestDbContext>("platformtest");
                if (consumes)
                    builder.Services.AddEventConsumer<TraceProbeConsumer, QuickRetryDefinition<TraceProbeConsumer>>();
                else
                    builder.Services.AddOutbox<PlatformTestDbContext>();
            },
            settings: new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["ConnectionStrings:rabbitmq"] = TestInfrastructure.RabbitMqUrl,
            ["Messaging:EndpointPrefix"] = "readiness-" + Guid.NewGuid().ToString("N")[..8],
        });
        await HealthProbe.WaitForAsync(async () => (await HealthProbe.GetAsync(host, "/readyz")).Status == HttpStatusCode.OK, "ready with the broker up");
        var ready = (await HealthProbe.GetAsync(host, "/readyz")).Body.GetRawText();
        Assert.Contains("masstransit", ready, StringComparison.Ordinal);
        Assert.Contains("\"rabbitmq\"", ready, StringComparison.Ordinal);

        await ControlBrokerAsync("stop");
        try
        {
            var last = "";
            try
            {
                await HealthProbe.WaitForAsync(
                    async () =>
                    {
                        var (status, body) = await HealthProbe.GetAsync(host, "/readyz");
                        last = body.GetRawText();
                        return status == HttpStatusCode.ServiceUnavailable;
                    },
                    "not ready with the broker down");
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException(timeout.Message + "; last /readyz: " + last, timeout);
            }
            Assert.Equal(ServingStatus.NotServing, await HealthProbe.GrpcAsync(host));
            Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(host, "/healthz")).Status);
        }
        finally
        {
            await ControlBrokerAsync("start");
        }

        await HealthProbe.WaitForAsync(async () => (await HealthProbe.GetAsync(host, "/readyz")).Status == HttpStatusCode.OK, "ready again after the broker restarted", limitSeconds: 180);
        await HealthProbe.WaitForAsync(async () => await HealthProbe.GrpcAsync(host) == ServingStatus.Serving, "gRPC health SERVING again");
    }

    private static async Task ControlBrokerAsync(string action)
    {
        using var process = Process.Start(new ProcessStartInfo(TestInfrastructure.RabbitMqControl, action) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmq-control.sh {action} failed: {await stderr}");
    }
}

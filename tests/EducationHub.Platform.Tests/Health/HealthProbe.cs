using System.Net;
using System.Text.Json;
using EducationHub.Grpc.Client;
using EducationHub.Grpc.Protocol.Health.V1;
using EducationHub.Testing.Hosting;

namespace EducationHub.Platform.Tests.Health;

/// <summary>Reads the HTTP probes and the gRPC health service of a test host.</summary>
internal static class HealthProbe
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(TestServiceHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public static async Task<HealthCheckResponse.Types.ServingStatus> GrpcAsync(TestServiceHost host, string service = "")
    {
        var reply = await host.Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(
            "/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = service });
        return reply.Status;
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds. The limit only turns a hang into a failure with a
    /// message; it asserts nothing about speed.
    /// </summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, int limitSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(limitSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Gave up waiting for: " + what);
            }

            await Task.Delay(200);
        }
    }
}

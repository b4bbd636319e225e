using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Testing.Events;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Time;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace EducationHub.Complaints.Tests.Api;

/// <summary>A real Complaints host on a free port, a fake clock, and every event its bus carries.</summary>
public sealed class ComplaintsHost : IAsyncDisposable
{
    public const string Service = "educationhub.complaints.v1.ComplaintsService";

    private ComplaintsHost(TestServiceHost host, FakeClock clock, EventCapture events)
    {
        Host = host;
        Clock = clock;
        Events = events;
        WriteToken = host.IssueToken("Test Borough Council", "complaints.read", "complaints.write");
        ReadToken = host.IssueToken("Ofsted", "complaints.read");
    }

    public TestServiceHost Host { get; }
    public FakeClock Clock { get; }
    public EventCapture Events { get; }
    public string WriteToken { get; }
    public string ReadToken { get; }

    public static async Task<ComplaintsHost> StartAsync(FakeClock clock, IDictionary<string, string?>? settings = null)
    {
        var events = new EventCapture();
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            // Sweeps are driven by the tests, not by the timer.
            ["Complaints:SweepInterval"] = "01:00:00",
        };
        var host = await TestServiceHost.StartAsync(
            configure: builder =>
            {
                builder.Services.AddSingleton<IClock>(clock);
                builder.Services.AddEventCapture(events);
                builder.AddComplaints();
            },
            map: app => app.MapComplaints(),
            settings: merged,
            serviceName: "complaints");
        return new ComplaintsHost(host, clock, events);
    }

    public Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, string? token = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Host.Client.UnaryAsync<TRequest, TResponse>($"/{Service}/{method}", request, new CallOptions { BearerToken = token ?? WriteToken, Timeout = TimeSpan.FromSeconds(60) });

    public async Task<RpcException> Fails<TRequest, TResponse>(string method, TRequest request, string? token = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        await Assert.ThrowsAsync<RpcException>(() => Call<TRequest, TResponse>(method, request, token));

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

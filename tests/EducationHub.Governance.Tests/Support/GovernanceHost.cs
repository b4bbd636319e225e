using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Testing.Hosting;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EducationHub.Governance.Tests.Support;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real Governance host (AddServiceDefaults + AddGovernance, on a free port) reached through the
/// real gRPC client, with a fake clock and an event capture on the in-memory bus.
/// </summary>
public sealed class GovernanceHost : IAsyncDisposable
{
    public const string Service = "/educationhub.governance.v1.GovernanceService/";

    private GovernanceHost(TestServiceHost host, FakeClock clock, EventCapture events)
    {
        Host = host;
        Clock = clock;
        Events = events;
        Client = new GrpcClient(GrpcChannel.ForAddress(host.GrpcAddress));
        WriteToken = host.IssueToken("Test Borough Council", "governance.read", "governance.write");
        ReadToken = host.IssueToken("Ofsted", "governance.read");
    }

    public TestServiceHost Host { get; }
    public FakeClock Clock { get; }
    public EventCapture Events { get; }
    public GrpcClient Client { get; }
    public string WriteToken { get; }
    public string ReadToken { get; }
    public IServiceProvider Services => Host.Services;

    /// <param name="settings">Where the database is: <see cref="DatabaseSettings"/>; null = a fresh SQLite directory.</param>
    public static async Task<GovernanceHost> StartAsync(FakeClock clock, EventCapture? events = null, IDictionary<string, string?>? settings = null)
    {
        events ??= new EventCapture();
        var host = await TestServiceHost.StartAsync(
            configure: builder =>
            {
                builder.Services.AddSingleton<IClock>(clock);
                builder.Services.AddEventCapture(events);
                builder.AddGovernance();
            },
            map: app => app.MapGovernance(),
            settings: settings,
            serviceName: "governance");
        return new GovernanceHost(host, clock, events);
    }

    public Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, string? token = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Client.UnaryAsync<TRequest, TResponse>(Service + method, request, new CallOptions { BearerToken = token ?? WriteToken, Timeout = TimeSpan.FromSeconds(60) });

    public async Task<RpcException> Fails<TRequest, TResponse>(string method, TRequest request, string? token = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        await Assert.ThrowsAsync<RpcException>(() => Call<TRequest, TResponse>(method, request, token));

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

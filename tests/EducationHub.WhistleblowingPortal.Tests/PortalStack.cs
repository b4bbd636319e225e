using System.Security.Cryptography;
using EducationHub.Grpc.Client;
using EducationHub.Whistleblowing;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Auth;
using EducationHub.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>
/// The real pair, in-process on free ports: a Whistleblowing service host and the portal in its own
/// WebApplication, connected over gRPC with the portal's intake token. Handlers act through gRPC.
/// </summary>
public sealed class PortalStack : IAsyncDisposable
{
    private PortalStack(TestServiceHost service, WebApplication portal, Uri portalAddress)
    {
        Service = service;
        Portal = portal;
        PortalAddress = portalAddress;
        Channel = GrpcChannel.ForAddress(service.GrpcAddress);
        Client = new GrpcClient(Channel);
    }

    public TestServiceHost Service { get; }
    public WebApplication Portal { get; }
    public Uri PortalAddress { get; }
    public GrpcChannel Channel { get; }
    public GrpcClient Client { get; }

    public static string HandlerToken { get; } = TestTokens.Sign(TestTokens.Request("council-whistleblowing-team", "whistleblowing.cases.read", "whistleblowing.cases.write") with { Subject = "handler-alice" });

    /// <param name="configurePortal">Runs before the portal module (e.g. to give the instance its own pod-local Data Protection keys).</param>
    public static async Task<PortalStack> StartAsync(IDictionary<string, string?>? portalSettings = null, Action<WebApplicationBuilder>? configurePortal = null)
    {
        var service = await TestServiceHost.StartAsync(
            configure: b => b.AddWhistleblowing(),
            map: app => app.MapWhistleblowing(),
            settings: new Dictionary<string, string?>
            {
                ["Whistleblowing:Encryption:MasterKeys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Whistleblowing:Receipt:Pepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Whistleblowing:Receipt:Iterations"] = "1000",
                ["Whistleblowing:RunMaintenanceInBackground"] = "false",
            },
            serviceName: "whistleblowing");

        var (portal, address) = await StartPortalAsync(service, portalSettings, configurePortal: configurePortal);
        return new PortalStack(service, portal, address);
    }

    /// <summary>
    /// Another portal process on the same Whistleblowing service, as a second replica behind the ingress
    /// would be (its own Data Protection keys unless its settings say otherwise). Stopped with the stack.
    /// </summary>
    public async Task<PortalReplica> StartReplicaAsync(IDictionary<string, string?>? portalSettings = null, string environment = "Testing", ILoggerProvider? logs = null,
        Action<WebApplicationBuilder>? configurePortal = null)
    {
        var (portal, address) = await StartPortalAsync(Service, portalSettings, environment, logs, configurePortal);
        var replica = new PortalReplica(portal, address);
        _replicas.Add(replica);
        return replica;
    }

    private readonly List<PortalReplica> _replicas = [];

    private static async Task<(WebApplication Portal, Uri Address)> StartPortalAsync(TestServiceHost service, IDictionary<string, string?>? portalSettings,
        string environment = "Testing", ILoggerProvider? logs = null, Action<WebApplicationBuilder>? configurePortal = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var settings = new Dictionary<string, string?>
        {
            ["Portal:WhistleblowingGrpcUrl"] = service.GrpcAddress.ToString(),
            ["Portal:ServiceToken"] = TestTokens.Issue("whistleblowing-portal", "whistleblowing.intake"),
            ["Portal:CouncilName"] = "Birchester City Council",
            ["Portal:RateLimits:FailedLoginDelay"] = "00:00:00.200",
        };
        foreach (var (k, v) in portalSettings ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        configurePortal?.Invoke(builder);
        builder.AddWhistleblowingPortal();
        var portal = builder.Build();
        portal.MapWhistleblowingPortal();
        try
        {
            await portal.StartAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        var address = portal.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (portal, new Uri(address));
    }

    public string Url(string path) => new Uri(PortalAddress, "/report" + path).ToString();

    public Task<TResponse> Cases<TRequest, TResponse>(string method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Client.UnaryAsync<TRequest, TResponse>("/educationhub.whistleblowing.v1.WhistleblowingCases/" + method, request, new CallOptions { BearerToken = HandlerToken, Timeout = TimeSpan.FromSeconds(30) });

    public async Task<string> OnlyCaseIdAsync() =>
        Assert.Single((await Cases<ListCasesRequest, ListCasesResponse>("ListCases", new ListCasesRequest())).Cases).CaseId;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        foreach (var replica in _replicas)
        {
            await replica.App.StopAsync();
            await replica.App.DisposeAsync();
        }

        await Portal.StopAsync();
        await Portal.DisposeAsync();
        await Service.DisposeAsync();
    }
}

/// <summary>A further portal instance started by <see cref="PortalStack.StartReplicaAsync"/>.</summary>
public sealed record PortalReplica(WebApplication App, Uri Address)
{
    public string Url(string path) => new Uri(Address, "/report" + path).ToString();
}

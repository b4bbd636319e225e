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

    public static async Task<PortalStack> StartAsync(IDictionary<string, string?>? portalSettings = null)
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

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
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
        builder.AddWhistleblowingPortal();
        var portal = builder.Build();
        portal.MapWhistleblowingPortal();
        await portal.StartAsync();
        var address = portal.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PortalStack(service, portal, new Uri(address));
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
        await Portal.StopAsync();
        await Portal.DisposeAsync();
        await Service.DisposeAsync();
    }
}

using EducationHub.Grpc.Client;
using EducationHub.ServiceDefaults.Health;
using EducationHub.ServiceDefaults.Hosting;
using EducationHub.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EducationHub.Testing.Hosting;

/// <summary>
/// A real service host for tests: <c>AddServiceDefaults</c> + your module on free ports (127.0.0.1:0),
/// in-memory bus, SQLite in a temp directory, and partner auth that trusts <see cref="TestTokens"/>.
/// <code>
/// await using var host = await TestServiceHost.StartAsync(
///     configure: builder => builder.AddGovernance(),
///     map: app => app.MapGovernance());
/// var token = host.IssueToken("ofsted", "governance.write");
/// </code>
/// Any default can be replaced through <c>settings</c>, e.g. <c>["ConnectionStrings:governance"] = ...</c>
/// or <c>["Messaging:Transport"] = "RabbitMq"</c> with <c>["ConnectionStrings:rabbitmq"] = TestInfrastructure...</c>.
/// </summary>
public sealed class TestServiceHost : IAsyncDisposable
{
    private readonly bool _ownsDataDirectory;

    private TestServiceHost(WebApplication app, string dataDirectory, bool ownsDataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        var endpoints = app.Services.GetRequiredService<ServiceEndpoints>();
        GrpcAddress = endpoints.GrpcAddress;
        WebAddress = endpoints.HasWebEndpoint ? endpoints.WebAddress : null;
        Http = new HttpClient { BaseAddress = WebAddress ?? GrpcAddress };
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Client = new GrpcClient(Channel);
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The bound gRPC endpoint (h2c), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The bound web endpoint (HTTP/1.1 + HTTP/2); null if disabled by settings.</summary>
    public Uri? WebAddress { get; }

    /// <summary>Our .NET gRPC client on <see cref="GrpcAddress"/> (pass tokens with <c>new CallOptions { BearerToken = ... }</c>).</summary>
    public GrpcClient Client { get; }

    public GrpcChannel Channel { get; }

    /// <summary>An HttpClient on the web endpoint (pages, /healthz, /readyz).</summary>
    public HttpClient Http { get; }

    /// <summary>Where the SQLite databases of this host live (deleted on dispose unless given in settings).</summary>
    public string DataDirectory { get; }

    /// <summary>A valid token for this host (see <see cref="TestTokens.Issue"/>).</summary>
    public string IssueToken(string organisation, params string[] scopes) => TestTokens.Issue(organisation, scopes);

    /// <summary>Builds and starts a host; returns once it listens and readiness has been evaluated once.</summary>
    /// <param name="configure">The module registrations (<c>builder.AddGovernance()</c>) and any test services.</param>
    /// <param name="map">The module endpoints (<c>app.MapGovernance()</c>).</param>
    /// <param name="settings">Configuration overriding the test defaults (a null value removes a default).</param>
    /// <param name="serviceName">The name given to AddServiceDefaults.</param>
    /// <param name="environment">The host environment; "Testing" by default (neither Development nor Production).</param>
    public static async Task<TestServiceHost> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null,
        IDictionary<string, string?>? settings = null,
        string serviceName = "test",
        string environment = "Testing",
        CancellationToken cancellationToken = default)
    {
        var ownsData = settings is null || !settings.ContainsKey("Persistence:DataDirectory");
        var dataDirectory = ownsData
            ? Directory.CreateTempSubdirectory("ehub-test-host-").FullName
            : settings!["Persistence:DataDirectory"]!;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = dataDirectory,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(Merge(DefaultSettings(dataDirectory), settings));
        builder.AddServiceDefaults(serviceName);
        configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            app.MapServiceDefaults();
            map?.Invoke(app);
            await app.StartAsync(cancellationToken);

            // The gRPC health service reflects readiness from the first call, without waiting for the timer.
            await app.Services.GetRequiredService<ReadinessMonitor>().RefreshAsync(cancellationToken);
            return new TestServiceHost(app, dataDirectory, ownsData);
        }
        catch
        {
            await app.DisposeAsync();
            DeleteDirectory(dataDirectory, ownsData);
            throw;
        }
    }

    /// <summary>The defaults every test host starts from.</summary>
    public static Dictionary<string, string?> DefaultSettings(string dataDirectory)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Hosting:GrpcUrl"] = "http://127.0.0.1:0",
            ["Hosting:WebUrl"] = "http://127.0.0.1:0",
            ["Hosting:ShutdownTimeout"] = "00:00:05",
            ["Messaging:Transport"] = "InMemory",
            ["Persistence:DataDirectory"] = dataDirectory,
            ["Auth:DevelopmentKeyPath"] = Path.Combine(dataDirectory, "dev-signing-key.pem"),
            ["Health:GrpcStatusInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in TestTokens.HostSettings)
        {
            defaults[key] = value;
        }

        return defaults;
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> defaults, IDictionary<string, string?>? overrides)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        return defaults;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();

            // Pooled SQLite connections keep the files open; release them before deleting the directory.
            SqliteConnection.ClearAllPools();
            DeleteDirectory(DataDirectory, _ownsDataDirectory);
        }
    }

    private static void DeleteDirectory(string directory, bool owned)
    {
        if (!owned)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is not worth failing a test for.
        }
    }
}

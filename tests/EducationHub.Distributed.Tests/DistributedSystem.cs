using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EducationHub.Grpc.Client;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.Testing.Grpc;
using EducationHub.Testing.Infrastructure;
using Google.Protobuf;

namespace EducationHub.Distributed.Tests;

/// <summary>
/// EducationHub as separate processes, started once per test class by deploy/local/run-distributed.sh
/// on the RabbitMQ and PostgreSQL that ./test.sh runs, from the Release builds the test command made.
/// Its own databases and queue names (a random prefix) keep it apart from other suites on those
/// servers. Dispose kills every service process, also those restarted by a test.
/// </summary>
public sealed class DistributedSystem : IAsyncLifetime
{
    private static readonly string[] Services = ["schoolrisk", "governance", "whistleblowing", "complaints", "hub", "portal"];

    private readonly Dictionary<string, GrpcClient> _clients = [];
    private Dictionary<string, string> _env = [];
    private DevTokenIssuer? _tokens;
    private Task? _register;

    /// <summary>The run directory: env, pid files, launchers (&lt;name&gt;.run) and logs/.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("ehub-distributed-test.").FullName;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        // Resolved first so a missing server fails here, with the message saying how to provide it.
        var rabbit = TestInfrastructure.RabbitMqUrl;
        var postgres = TestInfrastructure.PostgresServer;

        // The script trusts an existing key file, so the test can mint tokens every service accepts.
        var key = Path.Combine(Directory, "dev-signing-key.pem");
        _tokens = DevTokenIssuer.FromOptions(new AuthOptions { DevelopmentTokens = true, DevelopmentKeyPath = key });

        var prefix = "d" + Guid.NewGuid().ToString("N")[..8] + "_";
        var script = new ProcessStartInfo("bash", [RepositoryPaths.Combine("deploy", "local", "run-distributed.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["EHUB_DISTRIBUTED_DETACH"] = "1",
                ["EHUB_DISTRIBUTED_NO_BUILD"] = "1",
                ["EHUB_DISTRIBUTED_CONFIGURATION"] = BuildConfiguration,
                ["EHUB_DISTRIBUTED_DIR"] = Directory,
                ["EHUB_DISTRIBUTED_PORT_BASE"] = FreePortBase().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["EHUB_DISTRIBUTED_PREFIX"] = prefix,
                ["EHUB_RABBITMQ_URL"] = rabbit,
                ["EHUB_POSTGRES"] = postgres,
            },
        };
        using var process = Process.Start(script)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"run-distributed.sh failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        _env = File.ReadAllLines(Path.Combine(Directory, "env"))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        foreach (var name in Services)
        {
            _clients[name] = new GrpcClient(GrpcChannel.ForAddress(Grpc(name)));
        }
    }

    /// <summary>The GIAS register imported into SchoolRisk, once per run (the tests in the collection run one at a time).</summary>
    public Task RegisterImported => _register ??= Partners.ImportRegisterAsync(this);

    /// <summary>The gRPC address of a service ("hub", "complaints", ...).</summary>
    public Uri Grpc(string service) => new(_env[$"EHUB_{service.ToUpperInvariant()}_GRPC"]);

    /// <summary>The web address (pages, /readyz) of a service.</summary>
    public Uri Web(string service) => new(_env[$"EHUB_{service.ToUpperInvariant()}_WEB"]);

    /// <summary>A development token, signed with the key every service of this run trusts.</summary>
    public string Token(string organisation, params string[] scopes) => _tokens!.Issue(organisation, scopes);

    /// <summary>A unary call to a service, as any partner makes it.</summary>
    public Task<TResp> Call<TReq, TResp>(string service, string method, TReq request, string token)
        where TReq : class, IMessage<TReq>, new() where TResp : class, IMessage<TResp>, new() =>
        _clients[service].UnaryAsync<TReq, TResp>(method, request, new CallOptions { BearerToken = token, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>kill -9: the process gets no chance to finish, ack or flush anything.</summary>
    public void Kill(string service)
    {
        using var process = Process.GetProcessById(Pid(service));
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts a service again with the launcher the script wrote (same environment), appending to its log.</summary>
    public void Start(string service)
    {
        var run = Path.Combine(Directory, service + ".run");
        var log = Path.Combine(Directory, "logs", service + ".log");
        var pid = Path.Combine(Directory, service + ".pid");
        using var starter = Process.Start("bash", ["-c", $"bash '{run}' >> '{log}' 2>&1 < /dev/null & echo $! > '{pid}'"]);
        starter.WaitForExit();
    }

    /// <summary>Waits until the service answers /readyz (database migrated, bus connected).</summary>
    public async Task WaitUntilReadyAsync(string service, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(Web(service), "/readyz"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy machine: try again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{service} did not become ready in {timeout}; log: {Path.Combine(Directory, "logs", service + ".log")}");
            }

            await Task.Delay(500);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var name in Services)
        {
            try
            {
                using var process = Process.GetProcessById(Pid(name));
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FileNotFoundException or FormatException)
            {
                // Never started, or already gone.
            }
        }

        Http.Dispose();
        // The directory holds the development signing key; keep it (and the logs) only when asked, as test.sh does.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("EHUB_KEEP_TEST_DIR")))
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A process still closing a log file: the temp dir is left behind, nothing worse.
            }
        }

        return Task.CompletedTask;
    }

    private int Pid(string service) => int.Parse(File.ReadAllText(Path.Combine(Directory, service + ".pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    // The services are the builds of the configuration this test was built in (Release in ./test.sh).
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    /// <summary>A base port whose 100 successors are free, so parallel runs and other suites do not collide.</summary>
    private static int FreePortBase()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20, 60) * 1000;
            if (Enumerable.Range(1, 6).SelectMany(n => new[] { candidate + n, candidate + 80 + n }).All(IsFree)) return candidate;
        }

        throw new InvalidOperationException("No free port range for the distributed run.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

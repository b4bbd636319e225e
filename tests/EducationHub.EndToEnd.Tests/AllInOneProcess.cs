using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EducationHub.Grpc.Client;
using EducationHub.ServiceDefaults.Auth;
using Google.Protobuf;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// The one-command host as a user runs it: the built AllInOne executable as a child process with
/// its own working directory (so <c>./data</c> is there), on free loopback ports, reached only over
/// gRPC and HTTP. It trusts development tokens signed by a key file the test also holds (as the
/// CLI does). Demo data is off unless asked for, so tests start from empty services.
/// </summary>
public sealed class AllInOneProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly DevTokenIssuer _tokens;
    private readonly GrpcChannel _channel;
    private bool _disposed;

    private AllInOneProcess(Process process, string directory, Uri grpc, Uri web, DevTokenIssuer tokens)
    {
        _process = process;
        WorkingDirectory = directory;
        GrpcAddress = grpc;
        WebAddress = web;
        _tokens = tokens;
        _channel = GrpcChannel.ForAddress(grpc);
        Client = new GrpcClient(_channel);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public string WorkingDirectory { get; }

    public Uri GrpcAddress { get; }

    public Uri WebAddress { get; }

    public GrpcClient Client { get; }

    /// <summary>Everything the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host in <paramref name="workingDirectory"/> (a new temp directory when null) and waits for its start-up banner.</summary>
    /// <param name="environment">ASPNETCORE_ENVIRONMENT for the process; null runs it with none set, as a user's shell usually does.</param>
    public static async Task<AllInOneProcess> StartAsync(string? workingDirectory = null, IEnumerable<string>? arguments = null, TimeSpan? timeout = null, string? environment = "Development")
    {
        var directory = workingDirectory ?? Directory.CreateTempSubdirectory("ehub-allinone-test.").FullName;
        var key = Path.Combine(directory, "dev-signing-key.pem");
        var tokens = DevTokenIssuer.FromOptions(new AuthOptions { DevelopmentTokens = true, DevelopmentKeyPath = key });
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        var web = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NO_COLOR"] = "1" },
        };
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        if (environment is null) start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        else start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "EducationHub.AllInOne.dll"),
                     $"--Hosting:GrpcUrl={grpc.ToString().TrimEnd('/')}", $"--Hosting:WebUrl={web.ToString().TrimEnd('/')}",
                     $"--Portal:WhistleblowingGrpcUrl={grpc.ToString().TrimEnd('/')}", $"--Auth:DevelopmentKeyPath={key}", "--Demo:Seed=false",
                 }.Concat(arguments ?? []))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the AllInOne host");
        var host = new AllInOneProcess(process, directory, grpc, web, tokens);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(180));
        while (!host.Output.Contains("after the process started", StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                // Read before disposing: a disposed Process can no longer say whether it exited.
                var exited = process.HasExited;
                if (exited)
                {
                    // Its last lines (the reason it stopped) may still be on their way through the
                    // output handlers: this waits for both streams to close.
                    await process.WaitForExitAsync();
                }
                await host.DisposeAsync();
                throw new InvalidOperationException($"the AllInOne host did not start (exited: {exited}):\n{host.Output}");
            }
            await Task.Delay(100);
        }
        return host;
    }

    public string Token(string organisation, params string[] scopes) => _tokens.Issue(organisation, "end-to-end-test", scopes, TimeSpan.FromHours(1));

    public Task<TResp> Call<TReq, TResp>(string method, TReq request, string token)
        where TReq : class, IMessage<TReq>, new() where TResp : class, IMessage<TResp>, new() =>
        Client.UnaryAsync<TReq, TResp>(method, request, new CallOptions { BearerToken = token, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Sends a signal as a terminal or a service manager would (INT is Ctrl+C) and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> StopWithSignalAsync(string signal, TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Deletes the working directory (its SQLite files and the key); call once no process uses it.</summary>
    public static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not worth failing a test for.
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

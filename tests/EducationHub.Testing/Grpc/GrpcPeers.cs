namespace EducationHub.Testing.Grpc;

/// <summary>The real third-party gRPC clients the tests drive, and where they live.</summary>
public enum PeerLanguage
{
    Python,
    Node,
}

/// <summary>
/// Locations of the peer runtimes and scripts. Python is Debian's /usr/bin/python3 (its
/// python3-grpcio), never a pyenv interpreter; Node needs tests/node/node_modules
/// (./test.sh runs npm install there). EHUB_PYTHON / EHUB_NODE override the executables.
/// </summary>
public static class GrpcPeers
{
    public static string Python => Environment.GetEnvironmentVariable("EHUB_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    public static string Node => Environment.GetEnvironmentVariable("EHUB_NODE") is { Length: > 0 } n ? n : "node";

    public static string PythonDirectory => RepositoryPaths.Combine("tests", "python");

    public static string NodeDirectory => RepositoryPaths.Combine("tests", "node");

    public static string PythonScript(string name) => Path.Combine(PythonDirectory, name);

    /// <summary>Runs tests/python/<paramref name="script"/> with Debian's python3.</summary>
    public static Task<PeerResult> RunPythonAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, string? standardInput = null) =>
        PeerProcess.RunAsync(Python, [PythonScript(script), .. arguments], timeout, PythonDirectory, standardInput);

    /// <summary>Runs tests/node/<paramref name="script"/>; fails clearly when npm install has not run.</summary>
    public static Task<PeerResult> RunNodeAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        if (!Directory.Exists(Path.Combine(NodeDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"{NodeDirectory}/node_modules is missing: run `npm ci` there (./test.sh does).");
        }

        return PeerProcess.RunAsync(Node, [Path.Combine(NodeDirectory, script), .. arguments], timeout, NodeDirectory);
    }

    /// <summary>Runs one interop case (see tests/python/interop_client.py) with the given client.</summary>
    public static Task<PeerResult> RunInteropCaseAsync(PeerLanguage language, string target, string testCase, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        string[] arguments = ["--address", target, "--case", testCase];
        return language switch
        {
            PeerLanguage.Python => RunPythonAsync("interop_client.py", arguments, limit),
            PeerLanguage.Node => RunNodeAsync("interop_client.js", arguments, limit),
            _ => throw new ArgumentOutOfRangeException(nameof(language)),
        };
    }
}

using System.Diagnostics;

namespace EducationHub.Testing.Grpc;

/// <summary>What a peer process did: exit code and everything it wrote.</summary>
public sealed record PeerResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    /// <summary>For assertion messages: the exit code and both streams.</summary>
    public string Describe() =>
        $"exit code {ExitCode}{(TimedOut ? " (killed: timed out)" : "")}\n--- stderr ---\n{Stderr.TrimEnd()}\n--- stdout ---\n{Stdout.TrimEnd()}";
}

/// <summary>Runs an external peer (python3, node, ...) to completion with a hard time limit.</summary>
public static class PeerProcess
{
    public static async Task<PeerResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        string? standardInput = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A pyenv/virtualenv in the developer's environment must not leak into Debian's python3.
        start.Environment.Remove("PYTHONHOME");
        start.Environment.Remove("PYTHONPATH");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return new PeerResult(process.ExitCode, await stdout, await stderr, timedOut);
    }
}

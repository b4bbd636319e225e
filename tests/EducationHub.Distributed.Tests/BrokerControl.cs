using System.Diagnostics;

namespace EducationHub.Distributed.Tests;

/// <summary>Runs the broker control script test.sh provides (EHUB_TEST_RABBITMQ_CONTROL stop|start).</summary>
public static class BrokerControl
{
    public static async Task RunAsync(string script, string command)
    {
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} failed ({process.ExitCode}): {await output} {await errors}");
        }
    }
}

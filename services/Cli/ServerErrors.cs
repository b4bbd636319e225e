using EducationHub.Grpc;
using Spectre.Console;

namespace EducationHub.Cli;

/// <summary>Runs a command's server work; a refusal or an unreachable server prints the status and returns exit code 2.</summary>
public static class ServerErrors
{
    public static async Task<int> GuardAsync(CliContext cli, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
        {
            cli.Err.MarkupLine($"[red]Could not reach the hub at {Markup.Escape(cli.Server)}[/]: {Markup.Escape(ex.Status.Detail)}");
            return ExitCodes.ServerError;
        }
        catch (RpcException ex)
        {
            cli.Err.MarkupLine($"[red]The hub refused: {Markup.Escape(ex.StatusCode.ToString())}[/]: {Markup.Escape(ex.Status.Detail)}");
            if (ex.GetBadRequest() is { } bad)
                foreach (var v in bad.FieldViolations)
                    cli.Err.MarkupLine($"  [yellow]{Markup.Escape(v.Field)}[/] {Markup.Escape(v.Description)}");
            if (ex.StatusCode == StatusCode.Unauthenticated)
                cli.Err.MarkupLine("  Pass --token (or EHUB_TOKEN); for a local run, `ehub token` prints one.");
            return ExitCodes.ServerError;
        }
        catch (HttpRequestException ex)
        {
            cli.Err.MarkupLine($"[red]Could not reach the hub at {Markup.Escape(cli.Server)}[/]: {Markup.Escape(ex.Message)}");
            return ExitCodes.ServerError;
        }
    }

    public static int Usage(CliContext cli, string message)
    {
        cli.Err.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return ExitCodes.Usage;
    }
}

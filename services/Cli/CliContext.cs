using EducationHub.Grpc.Client;
using Spectre.Console;

namespace EducationHub.Cli;

/// <summary>What every command needs: where to write, and how to reach the hub.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, string server, string? token)
{
    /// <summary>Data output (tables, CSV, JSON): stdout, so it can be piped.</summary>
    public IAnsiConsole Out { get; } = Console(stdout);

    /// <summary>Progress and errors: stderr, so they never mix into piped data.</summary>
    public IAnsiConsole Err { get; } = Console(stderr);

    public TextWriter RawOut { get; } = stdout;

    public string Server { get; } = server;

    public HubClient Hub() => new(new GrpcClient(GrpcChannel.ForAddress(Server)), token);

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = writer == System.Console.Out || writer == System.Console.Error ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = writer == System.Console.Out || writer == System.Console.Error ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}

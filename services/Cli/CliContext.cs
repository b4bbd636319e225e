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

    private static IAnsiConsole Console(TextWriter writer)
    {
        var terminal = (writer == System.Console.Out && !System.Console.IsOutputRedirected) || (writer == System.Console.Error && !System.Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Redirected to a file or a pipe there is no terminal width: lay tables out wide rather than wrap names.
        if (!terminal) console.Profile.Width = 200;
        return console;
    }
}

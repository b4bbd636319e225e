using System.CommandLine;
using System.CommandLine.Builder;
using System.CommandLine.Parsing;
using EducationHub.Cli.Commands;

namespace EducationHub.Cli;

/// <summary>`ehub`: the Education Improvement Group's command line over the hub's gRPC API.</summary>
public static class CliApp
{
    public static readonly Option<string> Server = new("--server", () => Environment.GetEnvironmentVariable("EHUB_SERVER") ?? "http://127.0.0.1:5000",
        "The hub's gRPC address (or EHUB_SERVER).");

    public static readonly Option<string?> Token = new("--token", () => Environment.GetEnvironmentVariable("EHUB_TOKEN"),
        "Bearer token (or EHUB_TOKEN). Without one, a local development token is made from ./data/dev-signing-key.pem when it exists.");

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("EducationHub: the monthly Education Improvement Group risk list.");
        root.AddGlobalOption(Server);
        root.AddGlobalOption(Token);
        Func<System.CommandLine.Invocation.InvocationContext, CliContext> context = ic =>
        {
            var token = ic.ParseResult.GetValueForOption(Token);
            if (string.IsNullOrWhiteSpace(token)) token = DevToken.TryMake();
            return new CliContext(stdout, stderr, ic.ParseResult.GetValueForOption(Server)!, token);
        };
        root.AddCommand(RiskListCommand.Create(context));
        root.AddCommand(SchoolCommand.Create(context));
        root.AddCommand(DecideCommand.Create(context));
        root.AddCommand(OutcomeCommand.Create(context));
        root.AddCommand(PublishCommand.Create(context));
        root.AddCommand(TokenCommand.Create(stdout, stderr));
        root.AddCommand(ReplayErrorsCommand.Create(stdout, stderr));
        var parser = new CommandLineBuilder(root).UseDefaults().UseExceptionHandler((ex, ic) =>
        {
            stderr.WriteLine($"ehub: {ex.Message}");
            ic.ExitCode = ExitCodes.ServerError;
        }).Build();
        return await parser.InvokeAsync(args, new StreamsConsole(stdout, stderr));
    }
}

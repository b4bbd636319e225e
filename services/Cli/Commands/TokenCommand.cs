using System.CommandLine;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub token [--org council] [--scope ...]`: a development token from the local key (AllInOne dev mode only).</summary>
public static class TokenCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var org = new Option<string>("--org", () => "council", "Organisation the token speaks for.");
        var scopes = new Option<string[]>("--scope", () => DevToken.AllHubScopes, "Scopes (repeat the option).") { AllowMultipleArgumentsPerToken = true };
        var key = new Option<string>("--key-file", () => Path.Combine("data", "dev-signing-key.pem"), "The development signing key written by the AllInOne run.");
        var hours = new Option<int>("--hours", () => 8, "Lifetime in hours (at most 168).");
        var command = new Command("token", "Print a development token signed with the local development key.") { org, scopes, key, hours };
        command.SetHandler(ic =>
        {
            var path = ic.ParseResult.GetValueForOption(key)!;
            var h = ic.ParseResult.GetValueForOption(hours);
            if (h is < 1 or > 168) { stderr.WriteLine("--hours must be between 1 and 168."); ic.ExitCode = ExitCodes.Usage; return; }
            var token = DevToken.TryMake(path, ic.ParseResult.GetValueForOption(org)!, ic.ParseResult.GetValueForOption(scopes), TimeSpan.FromHours(h));
            if (token is null)
            {
                stderr.WriteLine($"No development key at {Path.GetFullPath(path)}: start the one-command run (dotnet run --project services/AllInOne) from this directory first, or pass --key-file.");
                ic.ExitCode = ExitCodes.Usage;
                return;
            }
            stdout.WriteLine(token);
        });
        return command;
    }
}

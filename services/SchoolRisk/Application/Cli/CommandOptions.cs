namespace EducationHub.SchoolRisk.Application.Cli;

/// <summary>"--name value" pairs for the small command-line tools; null (after a message) when malformed.</summary>
internal static class CommandOptions
{
    public static Dictionary<string, string>? Parse(string[] args, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine($"unexpected argument '{args[i]}'");
                return null;
            }
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}

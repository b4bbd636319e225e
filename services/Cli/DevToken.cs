using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Cli;

/// <summary>
/// Local development tokens, signed with the AllInOne run's development key
/// (./data/dev-signing-key.pem). Never creates a key: without the file there is no token.
/// </summary>
public static class DevToken
{
    public static readonly string[] AllHubScopes = ["hub.risklist.read", "hub.decisions.write", "hub.publish"];

    public static string? TryMake(string? keyPath = null, string organisation = "council", IEnumerable<string>? scopes = null, TimeSpan? lifetime = null)
    {
        var options = new AuthOptions { DevelopmentTokens = true };
        if (keyPath is not null) options.DevelopmentKeyPath = keyPath;
        if (!File.Exists(options.DevelopmentKeyPath)) return null;
        return DevTokenIssuer.FromOptions(options).Issue(organisation, "ehub-cli", scopes ?? AllHubScopes, lifetime);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Runs first at startup: refuses development tokens outside Development or under a real issuer
/// (<see cref="DevelopmentTokenPolicy"/>; logged, then the host stops) and
/// says in the log what partner tokens will be accepted. Resolving the validator here surfaces bad key
/// material at startup instead of on the first call.
/// </summary>
internal sealed class AuthStartupCheck(
    IOptions<AuthOptions> options,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<AuthStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (DevelopmentTokenPolicy.Refusal(auth, environment) is { } reason)
        {
            AuthLog.RefusingToStart(logger, reason);
            throw new InvalidOperationException(reason);
        }

        // Resolved only now, after that check, so a refused run never creates a development key.
        var validator = services.GetRequiredService<PartnerTokenValidator>();
        if (auth.DevelopmentTokens)
        {
            AuthLog.DevelopmentTokensEnabled(logger, Path.GetFullPath(auth.DevelopmentKeyPath));
        }

        if (!validator.IsConfigured)
        {
            AuthLog.NothingConfigured(logger);
        }
        else
        {
            AuthLog.Configured(logger, validator.Issuer, validator.Audience, validator.StaticKeyCount, validator.UsesJwks ? auth.JwksUrl! : "not used");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

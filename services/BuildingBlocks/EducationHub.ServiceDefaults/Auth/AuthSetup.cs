using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EducationHub.ServiceDefaults.Auth;

internal static class AuthSetup
{
    public static void AddServiceAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.SectionName);
        builder.Services.AddOptions<AuthOptions>().Bind(section);
        builder.Services.AddSingleton(OrganisationNames.From(builder.Configuration));
        var developmentTokens = section.GetValue<bool>(nameof(AuthOptions.DevelopmentTokens));

        // Registered first among hosted services so a refused configuration stops the host before anything listens.
        builder.Services.AddHostedService<AuthStartupCheck>();
        if (developmentTokens)
        {
            // Also refused here: mapping gRPC services resolves the auth interceptor (and so this issuer)
            // before hosted services start, and a refused run must not create a key file.
            builder.Services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<AuthOptions>>().Value;
                return DevelopmentTokenPolicy.Refusal(options, sp.GetRequiredService<IHostEnvironment>()) is { } refusal
                    ? throw new InvalidOperationException(refusal)
                    : DevTokenIssuer.FromOptions(options);
            });
        }

        builder.Services.AddSingleton(sp => new PartnerTokenValidator(
            sp.GetRequiredService<IOptions<AuthOptions>>(),
            sp.GetRequiredService<ILogger<PartnerTokenValidator>>(),
            sp.GetService<DevTokenIssuer>(),
            sp.GetService<JwksHttpHandler>()?.Handler));
    }
}

/// <summary>Lets tests (or a proxy setup) replace the HTTP handler used to fetch the JWKS.</summary>
public sealed record JwksHttpHandler(HttpMessageHandler Handler);

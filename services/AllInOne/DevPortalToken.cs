using EducationHub.ServiceDefaults.Auth;
using EducationHub.WhistleblowingPortal;

namespace EducationHub.AllInOne;

/// <summary>
/// In the one-machine run the portal calls the Whistleblowing intake API in the same process
/// with a development token (scope whistleblowing.intake), renewed well before it expires. A
/// deployed portal is given Portal:ServiceToken instead.
/// </summary>
internal sealed class DevPortalToken(DevTokenIssuer issuer, TimeProvider clock) : IPortalServiceToken
{
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset RenewAfter)? _current;

    public string Get()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current is { } c && now < c.RenewAfter) return c.Token;
            var token = issuer.Issue("whistleblowing-portal", "portal", ["whistleblowing.intake"], TimeSpan.FromHours(2));
            _current = (token, now.AddHours(1));
            return token;
        }
    }
}

using Microsoft.AspNetCore.DataProtection;

namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// The one cookie a signed-in reporter holds: the service's short-lived session token, encrypted
/// and authenticated by ASP.NET Core Data Protection. HttpOnly, SameSite=Strict, Secure on HTTPS,
/// scoped to the portal's path, no expiry (gone when the browser closes). Never the receipt code.
/// </summary>
internal sealed class ReporterSessionCookie(IDataProtectionProvider protection, PortalOptions options)
{
    public const string Name = "wb-session";
    private readonly IDataProtector _protector = protection.CreateProtector("EducationHub.WhistleblowingPortal.ReporterSession.v1");

    public void Set(HttpContext context, string sessionToken) =>
        context.Response.Cookies.Append(Name, _protector.Protect(sessionToken), Options(context));

    public string? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context));

    private CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = string.IsNullOrEmpty(options.PathBase) ? "/" : options.PathBase,
        IsEssential = true,
    };
}

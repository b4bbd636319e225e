using System.Security.Cryptography;
using System.Text;

namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// The rate limiter's partition key for a client: HMAC-SHA256 of the connection's address under a
/// random key generated at start-up and held only in memory. The address itself is never logged or
/// stored; the key dies with the process, so no lasting pseudonym of a reporter exists anywhere.
/// Behind a proxy every client shares the proxy's address; the global limits still hold.
/// </summary>
internal sealed class ClientKey
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string For(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(address)).AsSpan(0, 16));
    }
}

using System.Net;

namespace EducationHub.ServiceDefaults.Hosting;

/// <summary>A parsed <c>scheme://host:port</c> listen URL (Kestrel needs an IP endpoint, not a URL).</summary>
public sealed record ListenAddress(bool Https, IPAddress Address, int Port)
{
    public static ListenAddress Parse(string url, string settingName)
    {
        // Uri rejects the Kestrel wildcards '*' and '+'; treat them as "any address" explicitly.
        var normalised = url.Trim().Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
            .Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || (uri.AbsolutePath != "/" && uri.AbsolutePath.Length > 0))
        {
            throw new InvalidOperationException(
                $"{settingName}='{url}' is not a listen URL: expected http://host:port or https://host:port.");
        }

        var https = uri.Scheme == Uri.UriSchemeHttps;
        return new ListenAddress(https, ResolveHost(uri.Host, url, settingName), uri.Port);
    }

    private static IPAddress ResolveHost(string host, string url, string settingName)
    {
        // "localhost" is pinned to IPv4 loopback so that port 0 binds exactly one free port.
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return ip;
        }

        throw new InvalidOperationException(
            $"{settingName}='{url}': the host must be an IP address, 'localhost', '*' or '+' (not a DNS name).");
    }

    public string ToUrl(int boundPort)
    {
        var host = Address.Equals(IPAddress.Any) ? "127.0.0.1"
            : Address.Equals(IPAddress.IPv6Any) ? "[::1]"
            : Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]"
            : Address.ToString();
        return $"{(Https ? "https" : "http")}://{host}:{boundPort}";
    }
}

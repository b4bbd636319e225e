using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Keys from the issuer's JWKS document: fetched on first use, refreshed every
/// <see cref="AuthOptions.JwksRefreshInterval"/>, and refreshed early when a token names a kid we do not
/// have (the issuer rotated its key) but at most once per <see cref="AuthOptions.JwksMinimumRefreshInterval"/>.
/// A failed fetch keeps the previous keys.
/// </summary>
internal sealed class JwksKeySource : IDisposable
{
    private readonly Uri _url;
    private readonly AuthOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _attemptedAt = DateTimeOffset.MinValue;

    public JwksKeySource(AuthOptions options, HttpMessageHandler handler, TimeProvider time, ILogger logger)
    {
        _url = ValidateUrl(options.JwksUrl!);
        _options = options;
        _http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(10) };
        _time = time;
        _logger = logger;
    }

    /// <summary>True once a fetch has succeeded; false means no JWKS key is known at all.</summary>
    public bool HasKeys => _keys.Count > 0;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? kid, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var stale = now - _fetchedAt >= _options.JwksRefreshInterval;
        var unknownKid = kid is not null && !_keys.Any(key => key.KeyId == kid);
        var mayRetry = now - _attemptedAt >= _options.JwksMinimumRefreshInterval;
        if ((stale || unknownKid) && mayRetry)
        {
            await RefreshAsync(cancellationToken);
        }

        return _keys;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var attempt = _attemptedAt;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller refreshed while we waited: use its result.
            if (_attemptedAt != attempt)
            {
                return;
            }

            _attemptedAt = _time.GetUtcNow();
            var json = await _http.GetStringAsync(_url, cancellationToken);
            var keys = new JsonWebKeySet(json).GetSigningKeys();
            _keys = keys.ToArray();
            _fetchedAt = _time.GetUtcNow();
            AuthLog.JwksFetched(_logger, _url, _keys.Count);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            AuthLog.JwksFetchFailed(_logger, _url, exception);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static Uri ValidateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Auth:JwksUrl='{url}' is not an http(s) URL.");
        }

        // Keys fetched over plain HTTP could be swapped by anyone on the path; only loopback is exempt.
        if (uri.Scheme == Uri.UriSchemeHttp && !(uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))))
        {
            throw new InvalidOperationException($"Auth:JwksUrl='{url}' must use https (plain http is accepted for loopback only).");
        }

        return uri;
    }

    public void Dispose()
    {
        _http.Dispose();
        _refresh.Dispose();
    }
}

using System.Threading.RateLimiting;

namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// Rate limits for submissions and receipt-code logins: per client (in-memory keyed hash, see
/// <see cref="ClientKey"/>) and across the whole portal. Kept inside the module rather than as
/// middleware so it works the same in its own process and inside a shared host.
/// </summary>
internal sealed class Throttle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _submitPerClient;
    private readonly RateLimiter _submitGlobal;
    private readonly PartitionedRateLimiter<string> _loginPerClient;
    private readonly RateLimiter _loginGlobal;
    private readonly ClientKey _clients;
    private readonly ChargedSubmissions _charged = new(TimeProvider.System);

    public Throttle(PortalOptions options, ClientKey clients)
    {
        var limits = options.RateLimits;
        _clients = clients;
        _submitPerClient = PerClient(limits.SubmissionsPerClientPerHour, TimeSpan.FromHours(1));
        _submitGlobal = Window(limits.SubmissionsPerMinuteGlobal, TimeSpan.FromMinutes(1));
        _loginPerClient = PerClient(limits.LoginsPerClientPerHour, TimeSpan.FromHours(1));
        _loginGlobal = Window(limits.LoginsPerMinuteGlobal, TimeSpan.FromMinutes(1));
    }

    /// <summary>Charges a report to the submission limits, unless it repeats one this replica has charged (see <see cref="ChargedSubmissions"/>).</summary>
    public bool TrySubmit(HttpContext context, string submissionToken) =>
        _charged.TryCharge(submissionToken, () => Acquire(_submitPerClient, _submitGlobal, context));

    public bool TryLogin(HttpContext context) => Acquire(_loginPerClient, _loginGlobal, context);

    public void Dispose()
    {
        _submitPerClient.Dispose();
        _submitGlobal.Dispose();
        _loginPerClient.Dispose();
        _loginGlobal.Dispose();
    }

    private bool Acquire(PartitionedRateLimiter<string> perClient, RateLimiter global, HttpContext context)
    {
        using var client = perClient.AttemptAcquire(_clients.For(context));
        if (!client.IsAcquired)
        {
            return false;
        }

        using var all = global.AttemptAcquire();
        return all.IsAcquired;
    }

    private static PartitionedRateLimiter<string> PerClient(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    private static SlidingWindowRateLimiter Window(int permits, TimeSpan window) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
    });
}

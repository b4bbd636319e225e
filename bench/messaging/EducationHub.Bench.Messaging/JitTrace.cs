using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Names what the JIT compiles while it listens (the runtime's MethodLoadVerbose events): how
/// many compilations per method and at which tier, and how many were dynamic methods (compiled
/// expressions, IL emitted at run time). A count alone cannot tell ordinary tiering (the same
/// method recompiled a few times at higher tiers) from code generated per call, which never
/// settles; the names can. Opt-in (EHUB_BENCH_JIT_TRACE), since the events cost CPU themselves.
/// </summary>
public sealed class JitTrace() : RuntimeEventListener(EventLevel.Verbose, JitKeyword | TieredCompilationKeyword)
{
    private const int MethodLoadVerbose = 143;
    private const int TieredCompilationFirst = 280;
    private const int TieredCompilationLast = 285;
    private const int DynamicFlag = 0x1;
    private static readonly char[] Digits = "0123456789".ToCharArray();

    private readonly ConcurrentDictionary<(string Method, string Tier), int> _compiled = new();
    private volatile bool _listening;
    private readonly ConcurrentQueue<string> _log = new();
    private int _dynamic;
    private DateTime _started;

    public void Start()
    {
        _compiled.Clear();
        _dynamic = 0;
        _log.Clear();
        _started = DateTime.UtcNow;
        _listening = true;
    }

    /// <summary>Stops counting and returns the most compiled methods, most first, with the dynamic-method count.</summary>
    public (IReadOnlyList<(string Method, string Tier, int Count)> Top, int Total, int Dynamic) Stop(int top)
    {
        _listening = false;
        var rows = _compiled.Select(kv => (kv.Key.Method, kv.Key.Tier, Count: kv.Value)).ToList();
        return (rows.OrderByDescending(r => r.Count).ThenBy(r => r.Method, StringComparer.Ordinal).Take(top).ToList(), rows.Sum(r => r.Count), _dynamic);
    }

    /// <summary>Every compilation of the last listening window in order: ms since Start, thread, tier, dynamic, method and signature.</summary>
    public IEnumerable<string> Log => _log;

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_listening || e.Payload is null || e.PayloadNames is null)
            return;
        if (e.EventId is >= TieredCompilationFirst and <= TieredCompilationLast)
        {
            _log.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(e.TimeStamp - _started).TotalMilliseconds,9:0.0} t{e.OSThreadId,-7} TIERING {e.EventName} {string.Join(' ', e.PayloadNames.Zip(e.Payload, (n, v) => $"{n}={v}"))}"));
            return;
        }
        if (e.EventId != MethodLoadVerbose)
            return;
        var ns = Field(e, "MethodNamespace");
        var name = Field(e, "MethodName");
        var flags = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
        if ((flags & DynamicFlag) != 0)
            Interlocked.Increment(ref _dynamic);
        _log.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(e.TimeStamp - _started).TotalMilliseconds,9:0.0} t{e.OSThreadId,-7} {TierOf(flags),-18} {((flags & DynamicFlag) != 0 ? "dyn" : "   ")} {ns}::{name} {Field(e, "MethodSignature")}"));
        // Generated methods are numbered (lambda_method123): count them as one name.
        _compiled.AddOrUpdate(($"{ns}::{name.TrimEnd(Digits)}", TierOf(flags)), 1, (_, n) => n + 1);
    }

    private static string Field(EventWrittenEventArgs e, string field) =>
        e.PayloadNames!.IndexOf(field) is var i and >= 0 ? e.Payload![i]?.ToString() ?? "" : "";

    // MethodFlags bits 7-9 carry the runtime's JitOptimizationTier (eventtrace/codeversion.h).
    private static string TierOf(int flags) => ((flags >> 7) & 0x7) switch
    {
        1 => "minopts",
        2 => "optimized",
        3 => "tier0",
        4 => "tier1",
        5 => "tier1-osr",
        6 => "tier0-instrumented",
        7 => "tier1-instrumented",
        _ => "unknown",
    };
}

using System.Diagnostics;
using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// <c>--data PATH</c>: imports real DfE/Ofsted open data through SchoolRisk's own folder importer
/// (register, links, indicators), restricted to the chosen local authorities, assesses every
/// school as of the data's date, and waits until the hub has the results. Only on a first run
/// (SchoolRisk has no schools yet), like the synthetic demo.
/// </summary>
internal sealed class OpenDataLoader(IServiceScopeFactory scopes, ILogger<OpenDataLoader> logger)
{
    public async Task<bool> LoadIfEmptyAsync(DemoOptions options, CancellationToken ct)
    {
        var folder = options.OpenDataPath!;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"--data {folder}: no such folder");
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SchoolRiskDbContext>();
        if (await db.Schools.AnyAsync(ct)) return false;

        var watch = Stopwatch.StartNew();
        var laCodes = options.LocalAuthorities;
        var importScope = laCodes.Count == 0 ? ImportScope.Everything : ImportScope.ForLocalAuthorities(laCodes);
        var reports = await sp.GetRequiredService<OpenDataFolderImporter>().ImportAsync(folder, importScope, "council", ct);
        var importSeconds = watch.Elapsed.TotalSeconds;

        // The data's own date, not today's: scoring 2017 data as of today would call every judgement stale.
        var asOf = options.AsOf ?? await LatestInspectionAsync(db, ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var assessor = sp.GetRequiredService<RiskAssessor>();
        var assessed = 0;
        var assessScopes = laCodes.Count == 0 ? new string?[] { null } : laCodes.Select(c => (string?)c).ToArray();
        foreach (var la in assessScopes)
            assessed += (await assessor.AssessAllAsync(asOf, la, ct)).Assessed;

        var drain = new HubDrain(scopes);
        if (!await drain.WaitAsync(TimeSpan.FromSeconds(120), ct))
        {
            var (produced, consumed) = await drain.CountAsync(ct);
            DemoLog.HubBehind(logger, produced, consumed);
        }
        DemoLog.OpenDataLoaded(logger, reports.Count, reports.Sum(r => r.Inserted), laCodes.Count == 0 ? "all" : string.Join(",", laCodes),
            importSeconds, assessed, asOf, watch.Elapsed.TotalSeconds);
        return true;
    }

    private static async Task<DateOnly?> LatestInspectionAsync(SchoolRiskDbContext db, CancellationToken ct) =>
        await db.Inspections.AnyAsync(ct) ? await db.Inspections.MaxAsync(i => i.InspectedOn, ct) : null;
}

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 9104, Level = LogLevel.Information,
        Message = "Open data imported through SchoolRisk: {Files} files, {Rows} rows inserted for LA {Las} in {ImportSeconds:0.0} s; {Assessed} schools assessed as of {AsOf:yyyy-MM-dd}; ready for the hub after {Seconds:0.0} s")]
    public static partial void OpenDataLoaded(ILogger logger, int files, int rows, string las, double importSeconds, int assessed, DateOnly asOf, double seconds);
}

using EducationHub.Contracts.V1;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// Loads the synthetic authority's year into the hub, publishes last month's list, records
/// last month's EIG decisions, then adds this month's events (including follow-ups to some of
/// those decisions), so the first screen shows movement and agreed actions done or not.
/// Runs only when the hub has no schools yet.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    private const string Organisation = "council";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<HubDbContext>().Schools.AnyAsync(ct)) return false;
        }
        var now = clock.GetUtcNow();
        var month = RiskMonth.Containing(now);
        var schools = DemoLocalAuthority.Schools();
        var history = new DemoHistory(schools, now);
        var year = history.Build(now.AddDays(-365), month.Start);
        await IngestAsync(year, ct);

        List<(int Urn, DecisionKind Kind)> decided;
        using (var scope = scopes.CreateScope())
        {
            var lists = scope.ServiceProvider.GetRequiredService<RiskListService>();
            var published = await lists.PublishAsync(month.Previous, Organisation, "demo-seed", ct);
            decided = await DecideAsync(scope.ServiceProvider.GetRequiredService<DecisionService>(), month, published.Entries.Take(8).Select(e => e.Urn).ToList(), ct);
        }
        var current = history.CurrentMonth(month.Start, now, decided);
        await IngestAsync(current, ct);
        DemoLog.Seeded(logger, schools.Count, year.Count + current.Count, month.Previous.ToString());
        return true;
    }

    private async Task IngestAsync(List<IIntegrationEvent> events, CancellationToken ct)
    {
        foreach (var chunk in events.OrderBy(e => e.OccurredAt).Chunk(5000))
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TimelineIngestor>().IngestAsync(chunk, ct);
        }
    }

    private static async Task<List<(int, DecisionKind)>> DecideAsync(DecisionService decisions, RiskMonth month, List<int> top, CancellationToken ct)
    {
        (DecisionKind Kind, string Owner, string Action)[] plan =
        [
            (DecisionKind.SupportPackage, "School improvement partner", "Six-week leadership support package; report back next month"),
            (DecisionKind.WarningNotice, "Council", "Issue a warning notice on standards and governance"),
            (DecisionKind.Monitor, "School improvement partner", "Monitoring visit to check safeguarding actions"),
            (DecisionKind.ReferOfsted, "Ofsted", "Share the whistleblowing themes with Ofsted"),
            (DecisionKind.SupportPackage, "Council", "Finance recovery plan with the schools finance team"),
            (DecisionKind.Monitor, "Council", "Keep under review; governance review booked"),
            (DecisionKind.ReferRsc, "Regional Schools Commissioner", "Ask the trust for its improvement plan"),
            (DecisionKind.Remove, "Council", "Concerns resolved; no further action"),
        ];
        var result = new List<(int, DecisionKind)>();
        for (var i = 0; i < Math.Min(top.Count, plan.Length); i++)
        {
            var (kind, owner, action) = plan[i];
            await decisions.RecordAsync(new DecisionService.DecisionInput(month.Previous, top[i], kind, owner, month.FirstDay.AddDays(14 + i), action),
                Organisation, "demo-seed", ct);
            result.Add((top[i], kind));
        }
        return result;
    }
}

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Demo data loaded: {Schools} schools, {Events} events; {Month} published with the group's decisions")]
    public static partial void Seeded(ILogger logger, int schools, int events, string month);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Open data at {Path} was given; this run does not import it (use SchoolRisk's importer), so the hub starts from what the services publish")]
    public static partial void OpenDataNotImported(ILogger logger, string path);
}

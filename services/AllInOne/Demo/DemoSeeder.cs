using System.Diagnostics;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// Replays the synthetic authority's year through the services on first run: the demo clock is
/// moved to each step's moment and the step calls a module's application services, so every
/// record and event carries its moment in the year and reaches the hub through the real outboxes
/// and consumers. At the start of this month the hub publishes last month's list and the group's
/// decisions are recorded; the rest of this month (including follow-ups to some decisions) is
/// replayed, then the clock hands over to real time. Runs only when SchoolRisk has no schools.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, DemoClock clock, ILogger<DemoSeeder> logger)
{
    private const string Organisation = "council";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>().Schools.AnyAsync(ct)) return false;
        }
        var watch = Stopwatch.StartNew();
        var end = clock.GetUtcNow().AddMinutes(-5);
        var start = end.AddDays(-365);
        var month = RiskMonth.Containing(end);
        // The group meets early in the month; on the month's first day, halfway to now.
        var publishAt = month.Start + TimeSpan.FromTicks(Math.Min(TimeSpan.FromDays(3).Ticks, (end - month.Start).Ticks / 2));
        var schools = DemoLocalAuthority.Schools();
        var indicators = new DemoIndicators(schools, DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime));
        var steps = new DemoYear(schools, indicators, start, end).Steps;
        var drain = new HubDrain(scopes);
        var failed = 0;
        try
        {
            failed += await ReplayAsync(steps.Where(s => s.At < publishAt), ct);
            clock.ReplayAt(publishAt);
            await DrainAsync(drain, ct);
            var decided = await PublishAndDecideAsync(month, ct);
            var followUps = new DemoFollowUps(schools, publishAt, end).For(decided);
            failed += await ReplayAsync(steps.Where(s => s.At >= publishAt).Concat(followUps).OrderBy(s => s.At), ct);
            await DrainAsync(drain, ct);
        }
        finally
        {
            clock.HandOver();
        }
        DemoLog.Seeded(logger, schools.Count, steps.Count, failed, month.Previous.ToString(), watch.Elapsed.TotalSeconds);
        DemoLog.StepTimes(logger, string.Join(", ", _timings.OrderByDescending(t => t.Value.Time)
            .Select(t => FormattableString.Invariant($"{t.Key} {t.Value.Count}x {t.Value.Time.TotalSeconds:0.0} s"))));
        return true;
    }

    private readonly Dictionary<string, (int Count, TimeSpan Time)> _timings = new(StringComparer.Ordinal);

    private async Task<int> ReplayAsync(IEnumerable<DemoStep> steps, CancellationToken ct)
    {
        var failed = 0;
        foreach (var step in steps)
        {
            clock.ReplayAt(step.At);
            using var scope = scopes.CreateScope();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await step.Run(scope.ServiceProvider, ct);
                var (count, time) = _timings.GetValueOrDefault(step.What);
                _timings[step.What] = (count + 1, time + Stopwatch.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A step the services refuse (a rule this script did not foresee) is skipped, not fatal: the rest of the year still tells its story.
                failed++;
                DemoLog.StepRefused(logger, step.What, step.At, ex.GetType().Name, ex.Message);
            }
        }
        return failed;
    }

    private async Task DrainAsync(HubDrain drain, CancellationToken ct)
    {
        if (!await drain.WaitAsync(TimeSpan.FromSeconds(60), ct))
        {
            var (produced, consumed) = await drain.CountAsync(ct);
            DemoLog.HubBehind(logger, produced, consumed);
        }
    }

    private async Task<List<(int Urn, DecisionKind Kind)>> PublishAndDecideAsync(RiskMonth month, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var published = await scope.ServiceProvider.GetRequiredService<RiskListService>().PublishAsync(month.Previous, Organisation, "demo-seed", ct);
        var top = published.Entries.Take(8).Select(e => e.Urn).ToList();
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
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
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information,
        Message = "Demo data loaded through the services in {Seconds:0.0} s: {Schools} schools, {Steps} steps ({Refused} refused); {Month} published with the group's decisions")]
    public static partial void Seeded(ILogger logger, int schools, int steps, int refused, string month, double seconds);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information, Message = "Demo steps by kind (count, time spent): {Timings}")]
    public static partial void StepTimes(ILogger logger, string timings);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Demo step '{Step}' at {At:u} was refused: {Error}: {Message}")]
    public static partial void StepRefused(ILogger logger, string step, DateTimeOffset at, string error, string message);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "The hub has not caught up after 60 s ({Consumed} of {Produced} events consumed); continuing, the rest arrives in the background")]
    public static partial void HubBehind(ILogger logger, int produced, int consumed);
}

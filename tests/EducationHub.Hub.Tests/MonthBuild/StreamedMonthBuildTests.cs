using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Hosting;
using EducationHub.Testing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>
/// The month list the service builds (timeline streamed by school from the database, last month
/// ranked by score only) must be exactly the list of the simple computation: every entry loaded at
/// once, indexed in memory, last month's list built in full. Compared as the snapshot JSON, so
/// every field, reason text, rank, movement and left-the-list reason counts.
/// </summary>
public class StreamedMonthBuildTests
{
    // Mid-month, so last month's events, decisions and this month's movement all matter.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public Task On_SQLite_the_streamed_list_equals_the_reference_with_and_without_last_months_publication() =>
        RunAsync(new Dictionary<string, string?>());

    [Fact]
    public async Task On_PostgreSQL_the_streamed_list_equals_the_reference_with_and_without_last_months_publication()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync("ehub_hub_month");
        await RunAsync(new Dictionary<string, string?> { ["ConnectionStrings:hub"] = pg.ConnectionString });
    }

    private static async Task RunAsync(Dictionary<string, string?> settings)
    {
        await using var host = await TestServiceHost.StartAsync(b =>
        {
            b.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
            b.AddHub();
        }, a => a.MapHub(), settings, serviceName: "hub");
        var (schools, timeline, decisions) = MixedAuthority.Build(Now);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Schools.AddRange(schools);
            db.Timeline.AddRange(timeline);
            db.Decisions.AddRange(decisions);
            await db.SaveChangesAsync();
        }
        var month = RiskMonth.Containing(Now);

        // Last month not published: movement against what last month's list would have been.
        var (streamed, reference) = await BothAsync(host, month);
        Assert.True(streamed.Entries.Count > 50, $"the fixture should list many schools, listed {streamed.Entries.Count}");
        Assert.NotEmpty(streamed.Left);
        Assert.Contains(streamed.Entries, e => e.LastMonthActions.Count > 0);
        Assert.DoesNotContain(streamed.Entries, e => e.Urn == MixedAuthority.FirstUrn + 11); // its history is part of its successor's
        Assert.Equal(SnapshotJson.Serialize(reference), SnapshotJson.Serialize(streamed));

        // Last month published: movement against the snapshot.
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RiskListService>().PublishAsync(month.Previous, "council", "test", CancellationToken.None);
        var (againStreamed, againReference) = await BothAsync(host, month);
        Assert.True(againStreamed.PreviousMonthPublished);
        Assert.Equal(SnapshotJson.Serialize(againReference), SnapshotJson.Serialize(againStreamed));
    }

    private static async Task<(MonthlyRiskList Streamed, MonthlyRiskList Reference)> BothAsync(TestServiceHost host, RiskMonth month)
    {
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<HubDataVersion>().Bump(); // no cached draft: compute
        var streamed = await services.GetRequiredService<RiskListService>().DraftAsync(month, CancellationToken.None);
        var reference = await ReferenceAsync(services.GetRequiredService<HubReadModel>(), services.GetRequiredService<RiskListBuilder>(), month);
        return (streamed, reference);
    }

    /// <summary>The simple computation: load everything, index in memory, build last month in full, then this month.</summary>
    private static async Task<MonthlyRiskList> ReferenceAsync(HubReadModel read, RiskListBuilder builder, RiskMonth month)
    {
        var ct = CancellationToken.None;
        var schools = await read.SchoolsAsync(ct);
        var timelines = TimelineIndex.Build(await read.TimelineAsync(Now, ct), schools);
        var decisionsPrevious = await read.DecisionsAsync(month.Previous, ct);
        var decisions = await read.DecisionsAsync(month, ct);
        PreviousList previous;
        if (await read.SnapshotAsync(month.Previous, ct) is { } snap)
            previous = SnapshotJson.ToPrevious(SnapshotJson.Read(snap));
        else
        {
            var before = await read.DecisionsAsync(month.Previous.Previous, ct);
            previous = SnapshotJson.ToPrevious(builder.Build(new RiskListInputs(month.Previous, month.Previous.EvaluationInstant(Now), Now, schools, timelines,
                null, before, decisionsPrevious)));
        }
        return builder.Build(new RiskListInputs(month, month.EvaluationInstant(Now), Now, schools, timelines, previous, decisionsPrevious, decisions));
    }
}

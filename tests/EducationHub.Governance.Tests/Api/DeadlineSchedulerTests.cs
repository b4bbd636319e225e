using EducationHub.Contracts.V1;
using EducationHub.Governance.Application;
using EducationHub.Governance.Infrastructure;
using EducationHub.Governance.Tests.Support;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Api;

/// <summary>WarningNoticeDeadlinePassed is raised once, exactly once, across restarts and concurrent scans.</summary>
public abstract class DeadlineSchedulerTests(Provider provider)
{
    [Fact]
    public async Task A_deadline_passing_while_the_service_is_down_is_raised_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 1, 5, 10, 0));
        var events = new EventCapture();
        Guid noticeId;
        int urn = Scenario.NewUrn();

        await using (var host = await GovernanceHost.StartAsync(clock, events, database.Settings()))
        {
            var notice = await host.Call<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice",
                new Pb.IssueNoticeRequest { Draft = Scenario.Draft(urn), IssuedOn = "2025-12-19" });
            Assert.Equal("2026-01-14", notice.ComplianceDeadline);
            noticeId = Guid.Parse(notice.NoticeId);
            Assert.Equal(0, await ScanAsync(host));
            Assert.Empty(await DeadlineRowsAsync(host, noticeId));
        }

        // Still the deadline day in London (23:30 GMT on 14 January): not passed yet.
        clock.SetLondon(2026, 1, 14, 23, 30);
        await using (var host = await GovernanceHost.StartAsync(clock, events, database.Settings()))
        {
            Assert.Equal(0, await ScanAsync(host));
            Assert.Empty(await DeadlineRowsAsync(host, noticeId));
        }

        // The service was down over midnight; it comes back on 15 January.
        clock.SetLondon(2026, 1, 15, 0, 30);
        await using (var host = await GovernanceHost.StartAsync(clock, events, database.Settings()))
        {
            // The start-up scan and this explicit one race; between them, exactly one raise.
            await ScanAsync(host);
            Assert.Single(await DeadlineRowsAsync(host, noticeId));
            var raised = await events.WaitFor<WarningNoticeDeadlinePassed>(e => e.NoticeId == noticeId);
            Assert.Equal(new DateOnly(2026, 1, 14), raised.Deadline);
            Assert.Equal(urn, raised.Urn);
            Assert.Equal("PerformanceStandardsAndSafety", raised.NoticeType);

            var read = await host.Call<Pb.GetNoticeRequest, Pb.Notice>("GetNotice", new Pb.GetNoticeRequest { NoticeId = noticeId.ToString() });
            Assert.True(read.DeadlinePassed);
            Assert.NotNull(read.DeadlinePassedNotifiedAt);
            Assert.Equal(Pb.NoticeStatus.Issued, read.Status); // the officer records the outcome; the scheduler only tells
        }

        clock.SetLondon(2026, 1, 20, 9, 0);
        await using (var host = await GovernanceHost.StartAsync(clock, events, database.Settings()))
        {
            Assert.Equal(0, await ScanAsync(host));
            Assert.Single(await DeadlineRowsAsync(host, noticeId));
            await Task.Delay(500); // give a (wrong) second delivery the chance to show up
            Assert.Single(events.Of<WarningNoticeDeadlinePassed>(e => e.NoticeId == noticeId));
        }
    }

    [Fact]
    public async Task In_summer_the_deadline_passes_at_midnight_london_time_not_utc()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 6, 1, 9, 0));
        await using var host = await GovernanceHost.StartAsync(clock, settings: database.Settings());
        var notice = await new Scenario(host).IssueNotice(Scenario.NewUrn(), "2026-06-01");
        Assert.Equal("2026-06-22", notice.ComplianceDeadline);
        var id = Guid.Parse(notice.NoticeId);

        clock.Set(NodaTime.Instant.FromUtc(2026, 6, 22, 22, 30)); // 23:30 BST on the deadline day
        Assert.Equal(0, await ScanAsync(host));
        Assert.Empty(await DeadlineRowsAsync(host, id));

        clock.Set(NodaTime.Instant.FromUtc(2026, 6, 22, 23, 30)); // 00:30 BST on 23 June (still 22 June in UTC)
        await ScanAsync(host);
        Assert.Single(await DeadlineRowsAsync(host, id));
    }

    [Fact]
    public async Task Concurrent_scans_raise_each_deadline_once_and_complied_notices_never()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeClock(NodaTime.Instant.FromUtc(2026, 3, 16, 10, 0));
        await using var host = await GovernanceHost.StartAsync(clock, settings: database.Settings());
        var scenario = new Scenario(host);

        var overdue = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            overdue.Add(Guid.Parse((await scenario.IssueNotice(Scenario.NewUrn(), "2026-01-05")).NoticeId));
        }

        var complied = await scenario.IssueNotice(Scenario.NewUrn(), "2026-01-05");
        await scenario.Transition(complied.NoticeId, Pb.NoticeTrigger.RecordCompliance);
        var notYetDue = await scenario.IssueNotice(Scenario.NewUrn(), "2026-03-16");

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ScanAsync(host)));
        Assert.InRange(counts.Sum(), 0, overdue.Count); // the start-up scan may have taken some

        foreach (var id in overdue)
        {
            Assert.Single(await DeadlineRowsAsync(host, id));
        }

        Assert.Empty(await DeadlineRowsAsync(host, Guid.Parse(complied.NoticeId)));
        Assert.Empty(await DeadlineRowsAsync(host, Guid.Parse(notYetDue.NoticeId)));
    }

    private static async Task<int> ScanAsync(GovernanceHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineMonitor>().RaisePassedDeadlinesAsync(CancellationToken.None);
    }

    /// <summary>The outbox rows for this notice's deadline event (the durable record of what was published).</summary>
    private static async Task<List<OutboxMessage>> DeadlineRowsAsync(GovernanceHost host, Guid noticeId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.Contains("WarningNoticeDeadlinePassed")).ToListAsync();
        return [.. rows.Where(m => m.Payload.Contains(noticeId.ToString(), StringComparison.OrdinalIgnoreCase))];
    }
}

public sealed class SqliteDeadlineSchedulerTests() : DeadlineSchedulerTests(Provider.Sqlite);

public sealed class PostgresDeadlineSchedulerTests() : DeadlineSchedulerTests(Provider.Postgres);

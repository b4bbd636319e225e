using EducationHub.Complaints.Infrastructure;
using EducationHub.Governance.Infrastructure;
using EducationHub.Hub.Infrastructure;
using EducationHub.Messaging.Inbox;
using EducationHub.Messaging.Outbox;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// Waits until the hub has consumed every event the four services have put in their outboxes.
/// Every event those services publish has exactly one hub consumer, and the hub's inbox keeps one
/// row per consumed event, so "caught up" is: hub inbox rows = service outbox rows. The seeder
/// uses it before the hub publishes a list (a snapshot must contain everything that happened
/// before it) and before handing over to real time.
/// </summary>
internal sealed class HubDrain(IServiceScopeFactory scopes)
{
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (produced, consumed) = await CountAsync(ct);
            if (consumed >= produced) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, ct);
        }
    }

    public async Task<(int Produced, int Consumed)> CountAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var produced = await Outbox<SchoolRiskDbContext>(sp, ct) + await Outbox<GovernanceDbContext>(sp, ct)
                       + await Outbox<ComplaintsDbContext>(sp, ct) + await Outbox<WhistleblowingDbContext>(sp, ct);
        var consumed = await sp.GetRequiredService<HubDbContext>().Set<InboxMessage>().CountAsync(ct);
        return (produced, consumed);
    }

    private static Task<int> Outbox<TContext>(IServiceProvider sp, CancellationToken ct) where TContext : DbContext =>
        sp.GetRequiredService<TContext>().Set<OutboxMessage>().CountAsync(ct);
}

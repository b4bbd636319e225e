using EducationHub.Testing.Infrastructure;

namespace EducationHub.Distributed.Tests;

/// <summary>
/// Faults while events stream to the Hub: its process killed with SIGKILL and restarted, and the
/// broker restarted. Afterwards the Hub must report exactly the complaints that were accepted,
/// each once: nothing lost (outbox, durable queues) and nothing double-counted (inbox).
/// Each test uses its own school so the counts are independent of test order.
/// </summary>
[Collection(DistributedCollection.Name)]
public class FaultToleranceTests(DistributedSystem system)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Killing_the_hub_mid_stream_loses_and_doubles_nothing()
    {
        const int urn = 100494; // Saint Francis of Assisi Catholic Primary School, in the GIAS sample
        await system.RegisterImported;

        var ids = await ComplaintBurst.RunAsync(system, urn, count: 200, faultAfter: 40, fault: async () =>
        {
            system.Kill("hub");
            system.Start("hub");
            await system.WaitUntilReadyAsync("hub", TimeSpan.FromMinutes(2));
        });

        await AssertHubCountedExactlyAsync(urn, ids);
    }

    [Fact]
    public async Task Restarting_the_broker_mid_stream_loses_and_doubles_nothing()
    {
        const int urn = 100459; // an open school of authority 206 in the GIAS sample
        await system.RegisterImported;
        var control = TestInfrastructure.RabbitMqControl;

        var ids = await ComplaintBurst.RunAsync(system, urn, count: 100, faultAfter: 30, fault: async () =>
        {
            await BrokerControl.RunAsync(control, "stop");
            await BrokerControl.RunAsync(control, "start");
        });

        await AssertHubCountedExactlyAsync(urn, ids);
    }

    private async Task AssertHubCountedExactlyAsync(int urn, IReadOnlyList<string> accepted)
    {
        var profile = await HubView.WaitForProfileAsync(system, urn, p => HubView.ComplaintsReceived(p).Count >= accepted.Count, Settle);
        var received = HubView.ComplaintsReceived(profile);

        // Every accepted complaint is on the timeline, once.
        Assert.Equal(accepted.Count, received.Count);
        Assert.Equal(accepted.Count, received.Select(t => t.EventId).Distinct().Count());
        foreach (var id in accepted) Assert.Single(received, t => t.SourceRef.EndsWith(id, StringComparison.Ordinal));

        // And the priority counts them all: the reason states the number the Hub tallied.
        var reason = profile.Reasons.Single(r => r.Code == "complaints");
        Assert.StartsWith($"{accepted.Count} complaints received", reason.Text, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.CrashProducer;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>Fault test (b): the producing process dies (kill -9) after commit, before publish.</summary>
[Collection(BrokerCollection.Name)]
public sealed class ProducerCrashTests
{
    [Fact]
    public async Task Killing_the_producer_between_commit_and_publish_loses_nothing_after_restart()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        const int Count = 200;

        // The consumer's queue exists before anything is published, as in a deployed system.
        var consumerBuilder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        consumerBuilder.Services.AddEventConsumer<CrashConsumer, QuickRetryDefinition<CrashConsumer>>();

        using (var child = StartProducer(pg.ConnectionString, rabbit, prefix, Count))
        {
            var seen = await ReadUntilAsync(child, [CrashProducerProgram.CommittedLine, CrashProducerProgram.ClaimedLine]);
            child.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await child.WaitForExitAsync();
            Assert.Contains(CrashProducerProgram.CommittedLine, seen);
        }

        using var host = await PlatformTestHost.StartAsync(consumerBuilder);
        try
        {
            var rows = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
            Assert.Equal(Count, rows.Count);

            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(CrashHappened)) >= Count,
                "every event committed by the killed producer delivered by the restarted one");
            await PlatformTestHost.WaitUntilAsync(
                () => PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AllAsync(m => m.DeliveredAt != null)),
                "all rows delivered");
            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(rows.Select(r => r.Id).Order(), received.Order());
        }
        finally
        {
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, $"{prefix}-crash", $"{prefix}-crash_error");
        }
    }

    private static Process StartProducer(string database, string rabbit, string prefix, int count)
    {
        var assembly = typeof(CrashProducerProgram).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { assembly, CrashProducerProgram.Command, database, rabbit, prefix, count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the producer process");
    }

    private static async Task<HashSet<string>> ReadUntilAsync(Process child, string[] lines)
    {
        var seen = new HashSet<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!lines.All(seen.Contains))
        {
            var line = await child.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
                throw new InvalidOperationException($"The producer exited early: {await child.StandardError.ReadToEndAsync()}");
            seen.Add(line.Trim());
        }
        return seen;
    }
}

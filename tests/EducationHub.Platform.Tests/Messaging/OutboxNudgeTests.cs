using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>When the dispatcher is woken (<see cref="OutboxNudgeInterceptor"/>), with no dispatcher running to take the nudges.</summary>
public sealed class OutboxNudgeTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _sqlite = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{PlatformTestHost.DatabaseName}"] = _sqlite.ConnectionString });
        builder.AddServiceDatabase<PlatformTestDbContext>(PlatformTestHost.DatabaseName);
        _host = builder.Build();
        await _host.StartAsync();
        await NudgedAsync(); // start from a clear signal
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _sqlite.Dispose();
    }

    [Fact]
    public async Task A_save_outside_a_transaction_nudges_only_when_it_wrote_outbox_rows()
    {
        await WriteAsync(withEvent: false);
        Assert.False(await NudgedAsync());

        await WriteAsync(withEvent: true);
        Assert.True(await NudgedAsync());
    }

    [Fact]
    public async Task A_committed_transaction_nudges_only_when_it_wrote_outbox_rows_and_only_at_the_commit()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Received.Add(Row());
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        Assert.False(await NudgedAsync());

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Received.Add(Row());
            db.AddEvent(Event());
            await db.SaveChangesAsync();
            Assert.False(await NudgedAsync()); // not visible to the dispatcher before the commit
            await tx.CommitAsync();
        }
        Assert.True(await NudgedAsync());
    }

    [Fact]
    public async Task A_rolled_back_transaction_does_not_nudge_and_is_forgotten()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.AddEvent(Event());
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            Assert.False(await NudgedAsync());

            // The same (pooled) context's next transaction writes no outbox rows: still no nudge.
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.Received.Add(Row());
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
        }
        Assert.False(await NudgedAsync());
    }

    private async Task WriteAsync(bool withEvent)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
        db.Received.Add(Row());
        if (withEvent)
            db.AddEvent(Event());
        await db.SaveChangesAsync();
    }

    /// <summary>True when the context's dispatcher was nudged since the last call (the nudge is consumed).</summary>
    private Task<bool> NudgedAsync() =>
        _host.Services.GetRequiredService<OutboxSignals>().For(typeof(PlatformTestDbContext)).WaitAsync(TimeSpan.Zero, CancellationToken.None);

    private static ReceivedEvent Row() =>
        new() { Id = Guid.NewGuid(), EventId = Guid.NewGuid(), Kind = "nudge-test", ReceivedAt = DateTime.UtcNow };

    private static RoundTripHappened Event() =>
        TestEvent.New((id, at, c) => new RoundTripHappened(id, at, null, "tests", c, 0));
}

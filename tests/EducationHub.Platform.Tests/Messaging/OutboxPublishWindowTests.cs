using System.Collections.Concurrent;
using EducationHub.Messaging.Outbox;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>
/// The outbox dispatcher's publish window on its own (fake publish and settle): how many rows may
/// be in flight, that finished rows are settled together, and what the dispatcher learns from it.
/// </summary>
public sealed class OutboxPublishWindowTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task No_more_rows_than_its_capacity_are_between_start_and_settle()
    {
        var confirms = new ConcurrentDictionary<Guid, TaskCompletionSource<Exception?>>();
        var window = new OutboxPublishWindow(3, row => confirms.GetOrAdd(row.Id, _ => NewConfirm()).Task, Settled);
        var settler = window.RunSettlerAsync();
        var rows = Rows(4);

        foreach (var row in rows.Take(3))
            await window.StartAsync(row, Guid.NewGuid(), CancellationToken.None).WaitAsync(Soon);
        Assert.Equal(0, window.Free);
        var fourth = window.StartAsync(rows[3], Guid.NewGuid(), CancellationToken.None);
        await Task.Delay(100);
        Assert.False(fourth.IsCompleted);

        confirms[rows[0].Id].SetResult(null);
        await fourth.WaitAsync(Soon);
        Assert.True(confirms.ContainsKey(rows[3].Id));

        foreach (var row in rows.Skip(1))
            confirms[row.Id].SetResult(null);
        await window.IdleAsync().WaitAsync(Soon);
        Assert.Equal((4, 0), window.TakeOutcome());
        window.Complete();
        await settler.WaitAsync(Soon);
    }

    [Fact]
    public async Task Rows_that_finish_together_are_settled_in_one_go_with_their_tokens()
    {
        var settles = new ConcurrentQueue<List<OutboxPublishResult>>();
        var window = new OutboxPublishWindow(100, _ => Task.FromResult<Exception?>(null), batch =>
        {
            settles.Enqueue(batch.ToList());
            return Task.FromResult(0);
        });
        var settler = window.RunSettlerAsync();
        var claim = Guid.NewGuid();
        var rows = Rows(50);

        foreach (var row in rows)
            await window.StartAsync(row, claim, CancellationToken.None);
        await window.IdleAsync().WaitAsync(Soon);
        window.Complete();
        await settler.WaitAsync(Soon);

        var settled = settles.SelectMany(b => b).ToList();
        Assert.Equal(rows.Select(r => r.Id).Order(), settled.Select(r => r.Row.Id).Order());
        Assert.All(settled, r => Assert.Equal(claim, r.Token));
        // Fifty publishes that complete at once are marked in far fewer statements than rows.
        Assert.InRange(settles.Count, 1, 5);
    }

    [Fact]
    public async Task Failed_publishes_are_reported_to_the_dispatcher_once()
    {
        var rows = Rows(3);
        var window = new OutboxPublishWindow(10, row => Task.FromResult<Exception?>(row.Id == rows[0].Id ? new InvalidOperationException("broker gone") : null), Settled);
        var settler = window.RunSettlerAsync();

        foreach (var row in rows)
            await window.StartAsync(row, Guid.NewGuid(), CancellationToken.None);
        await window.IdleAsync().WaitAsync(Soon);

        Assert.Equal((3, 1), window.TakeOutcome());
        Assert.Equal((0, 0), window.TakeOutcome());
        window.Complete();
        await settler.WaitAsync(Soon);
    }

    [Fact]
    public async Task A_settle_that_throws_counts_its_rows_as_failed_and_still_frees_their_slots()
    {
        var window = new OutboxPublishWindow(2, _ => Task.FromResult<Exception?>(null), _ => throw new InvalidOperationException("database gone"));
        var settler = window.RunSettlerAsync();

        foreach (var row in Rows(3))
            await window.StartAsync(row, Guid.NewGuid(), CancellationToken.None).WaitAsync(Soon);
        await window.IdleAsync().WaitAsync(Soon);

        Assert.Equal((3, 3), window.TakeOutcome());
        Assert.Equal(2, window.Free);
        window.Complete();
        await settler.WaitAsync(Soon);
    }

    private static Task<int> Settled(List<OutboxPublishResult> batch) => Task.FromResult(batch.Count(r => r.Error is not null));

    private static TaskCompletionSource<Exception?> NewConfirm() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static List<OutboxMessage> Rows(int count) =>
        Enumerable.Range(0, count).Select(_ => new OutboxMessage { Id = Guid.CreateVersion7(), Type = "T, A", Payload = "{}" }).ToList();
}

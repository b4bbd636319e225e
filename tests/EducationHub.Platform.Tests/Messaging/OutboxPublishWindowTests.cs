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
    public async Task Rows_that_finish_while_the_settler_gathers_are_settled_in_one_go_with_their_tokens()
    {
        // The settler's gathering pause is held open by the test: it starts after the first row
        // finished, the other rows finish during it, and only then may the settler take them.
        var gathering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gatherEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settles = new ConcurrentQueue<List<OutboxPublishResult>>();
        var confirms = new ConcurrentDictionary<Guid, TaskCompletionSource<Exception?>>();
        var window = new OutboxPublishWindow(
            100,
            row => confirms.GetOrAdd(row.Id, _ => NewConfirm()).Task,
            batch =>
            {
                settles.Enqueue(batch.ToList());
                return Task.FromResult(0);
            },
            gather: () =>
            {
                gatherEntered.TrySetResult();
                return gathering.Task;
            });
        var settler = window.RunSettlerAsync();
        var claim = Guid.NewGuid();
        var rows = Rows(20);
        foreach (var row in rows)
            await window.StartAsync(row, claim, CancellationToken.None).WaitAsync(Soon);

        confirms[rows[0].Id].SetResult(null);
        await gatherEntered.Task.WaitAsync(Soon);
        foreach (var row in rows.Skip(1))
            confirms[row.Id].SetResult(null);
        // Every publish has reported back before the pause ends.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (window.Finished < rows.Count && waited.Elapsed < Soon)
            await Task.Delay(5);
        Assert.Equal(rows.Count, window.Finished);
        gathering.SetResult();
        await window.IdleAsync().WaitAsync(Soon);
        window.Complete();
        await settler.WaitAsync(Soon);

        var settle = Assert.Single(settles);
        Assert.Equal(rows.Select(r => r.Id).Order(), settle.Select(r => r.Row.Id).Order());
        Assert.All(settle, r => Assert.Equal(claim, r.Token));
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

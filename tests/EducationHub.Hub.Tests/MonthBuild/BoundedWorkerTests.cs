using EducationHub.Hub.Application;

namespace EducationHub.Hub.Tests.MonthBuild;

public class BoundedWorkerTests
{
    [Fact]
    public async Task Every_posted_item_is_worked_on_once_in_order_before_completion_returns()
    {
        var seen = new List<int>();
        await using var worker = new BoundedWorker<int>(seen.Add, 4, CancellationToken.None);
        for (var i = 0; i < 1000; i++) await worker.PostAsync(i, CancellationToken.None);
        await worker.CompleteAsync();
        Assert.Equal(Enumerable.Range(0, 1000), seen);
    }

    [Fact]
    public async Task A_failure_in_the_work_reaches_the_caller_instead_of_leaving_it_waiting_for_room()
    {
        await using var worker = new BoundedWorker<int>(i => { if (i == 10) throw new InvalidOperationException("school 10"); }, 2, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            for (var i = 0; i < 1000; i++) await worker.PostAsync(i, CancellationToken.None);
            await worker.CompleteAsync();
        });
        Assert.Equal("school 10", failure.Message);
    }
}

namespace EducationHub.Distributed.Tests;

/// <summary>
/// A burst of complaints about one school, a few in flight at a time, with a fault injected once
/// a given number has been accepted: the fault then happens while events are streaming to the Hub.
/// </summary>
public static class ComplaintBurst
{
    private const int InFlight = 4;

    /// <summary>Makes <paramref name="count"/> complaints; runs <paramref name="fault"/> after <paramref name="faultAfter"/> were accepted. Returns every accepted complaint id.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(DistributedSystem system, int urn, int count, int faultAfter, Func<Task> fault)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = 0;

        async Task Producer()
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) <= count)
            {
                ids.Add(await Partners.ComplainAsync(system, urn, number));
                if (ids.Count >= faultAfter) reached.TrySetResult();
            }
        }

        var producers = Enumerable.Range(0, InFlight).Select(_ => Task.Run(Producer)).ToList();
        var all = Task.WhenAll(producers);
        // A failing producer must end the wait too, with its exception, not leave the fault pending.
        await Task.WhenAny(reached.Task, all);
        if (all.IsFaulted) await all;
        var faultTask = fault();
        await Task.WhenAll(all, faultTask);
        return ids.ToList();
    }
}

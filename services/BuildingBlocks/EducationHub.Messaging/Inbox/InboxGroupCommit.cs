using EducationHub.Messaging.Batching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EducationHub.Messaging.Inbox;

/// <summary>
/// Group commit for one database's idempotent consumers. Messages that arrive while a transaction
/// is committing wait and then go in the next one together, so a burst costs one transaction per
/// batch instead of one per message; a lone message is not delayed (it is committed as a batch of
/// one). On PostgreSQL the batch's inbox rows are claimed in one statement first; then each
/// message is applied in order: handler, then save (deferred writes and SaveChanges), or for a
/// consumer that saves once per batch, one save after the batch's last message. If anything fails
/// the whole batch rolls back and every message is handed back to be applied alone, so a poison
/// message faults (and is retried, then dead-lettered) by itself and the others commit without it.
/// </summary>
internal sealed class InboxGroupCommit<TContext>
    where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly GroupCommitQueue<InboxBatchItem<TContext>> _queue;

    public InboxGroupCommit(IServiceScopeFactory scopes, int maxBatchSize, ILogger logger)
    {
        _scopes = scopes;
        _logger = logger;
        _queue = new GroupCommitQueue<InboxBatchItem<TContext>>(maxBatchSize, CommitAsync);
    }

    public Task<InboxBatchOutcome> SubmitAsync(InboxBatchItem<TContext> item)
    {
        _queue.Submit(item);
        return item.Outcome;
    }

    /// <summary>Applies <paramref name="batch"/> in one transaction and settles every item's outcome (never throws).</summary>
    public async Task CommitAsync(IReadOnlyList<InboxBatchItem<TContext>> batch)
    {
        // A lone message is committed here too, as a batch of one, rather than handed back: handed
        // back, it ran beside the drain, which stayed idle, so in a steady stream every next
        // message was alone as well (up to half of a 22,000-event hub benchmark run, each
        // its own transaction); committed here, whatever arrives meanwhile waits and goes in the next batch.
        var outcomes = new InboxBatchOutcome[batch.Count];
        try
        {
            await GroupCommitContext.RunAsync<TContext>(_scopes, async db =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var claimed = InboxClaim.CanClaimBatch(db)
                    ? await InboxClaim.TryClaimAllAsync(db, batch.Select(b => (b.MessageId, b.Consumer)).ToList(), CancellationToken.None)
                    : null;
                // A key twice in one batch applies once. Checked here too because on SQLite the
                // first one's inbox row may not be saved yet when the second is claimed.
                var seen = new HashSet<(Guid, string)>();
                var writes = new InboxDeferredWrites<TContext>();
                var unsaved = false;
                for (var i = 0; i < batch.Count; i++)
                {
                    var item = batch[i];
                    if (!seen.Add((item.MessageId, item.Consumer))
                        || !(claimed?[i] ?? await InboxClaim.TryClaimAsync(db, item.MessageId, item.Consumer, CancellationToken.None)))
                    {
                        outcomes[i] = InboxBatchOutcome.Duplicate;
                        continue;
                    }
                    // A consumer that saves per message may query what the earlier ones wrote.
                    if (unsaved && !item.SavesOncePerBatch)
                        await writes.SaveAsync(db, CancellationToken.None);
                    await item.Apply(db, writes);
                    unsaved = item.SavesOncePerBatch;
                    if (!unsaved)
                        await writes.SaveAsync(db, CancellationToken.None);
                    outcomes[i] = InboxBatchOutcome.Applied;
                }
                if (unsaved)
                    await writes.SaveAsync(db, CancellationToken.None);
                await tx.CommitAsync();
            });
        }
        catch (Exception ex)
        {
            // Which message failed (or whether the commit itself did) does not matter: each is
            // applied alone next, where a committed one is found in the inbox and a bad one faults by itself.
            InboxLog.BatchRolledBack(_logger, ex, typeof(TContext).Name, batch.Count);
            foreach (var item in batch)
                item.Settle(InboxBatchOutcome.RunAlone);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
            batch[i].Settle(outcomes[i]);
    }
}

/// <summary>One message waiting for a group commit: its inbox key and how to apply it to the batch's context and deferred writes.</summary>
internal sealed class InboxBatchItem<TContext>(Guid messageId, string consumer, bool savesOncePerBatch, Func<TContext, InboxDeferredWrites<TContext>, Task> apply)
    where TContext : DbContext
{
    private readonly TaskCompletionSource<InboxBatchOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid MessageId => messageId;

    public string Consumer => consumer;

    public bool SavesOncePerBatch => savesOncePerBatch;

    public Func<TContext, InboxDeferredWrites<TContext>, Task> Apply => apply;

    public Task<InboxBatchOutcome> Outcome => _outcome.Task;

    public void Settle(InboxBatchOutcome outcome) => _outcome.TrySetResult(outcome);
}

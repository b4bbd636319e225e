using EducationHub.Contracts.V1;
using EducationHub.Messaging.Batching;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EducationHub.Messaging.Inbox;

/// <summary>
/// A consumer that applies each message at most once: the inbox row (message id + consumer) and
/// the changes made by <see cref="HandleAsync"/> commit in one transaction, so a redelivered
/// message (broker restart, retry, outbox re-publish) changes nothing. Messages arriving together
/// may share that transaction (<see cref="InboxGroupCommit{TContext}"/>); HandleAsync must write
/// only through the context it is given, or through <see cref="Deferred{TWrite}"/>.
/// The consumer takes no context of its own: a message applied in a batch uses the batch's, and only
/// one applied alone takes the message scope's. A context taken for every message and never used
/// (pooled, so rented and reset each time) cost 1 % of the messaging benchmark's CPU.
/// </summary>
public abstract class IdempotentConsumer<TEvent, TContext> : IConsumer<TEvent>
    where TEvent : class
    where TContext : DbContext
{
    private InboxDeferredWrites<TContext>? _deferred;

    /// <summary>The inbox key for this consumer. Stable across deployments: renaming it forgets what was applied.</summary>
    protected virtual string ConsumerName => GetType().FullName!;

    /// <summary>
    /// Whether a group-commit batch may save this consumer's changes (and flush its deferred
    /// writes) once, after its last message, instead of after every message. Opt in only when
    /// HandleAsync's queries need not see rows that earlier messages of the same batch wrote: those
    /// are not in the database yet (tracked entities are still visible through <c>DbSet.Local</c>).
    /// Failure handling is the same either way: anything failing rolls the whole batch back.
    /// </summary>
    protected virtual bool SavesOncePerBatch => false;

    /// <summary>Apply the message to <paramref name="db"/> (not to another context); do not call SaveChanges (the base class commits).</summary>
    protected abstract Task HandleAsync(TEvent message, TContext db, ConsumeContext<TEvent> context);

    /// <summary>
    /// The deferred write of type <typeparamref name="TWrite"/> of the message or batch being applied
    /// (call only from HandleAsync); it is flushed, inside the transaction, where the changes are saved.
    /// </summary>
    protected TWrite Deferred<TWrite>()
        where TWrite : class, IInboxDeferredWrite<TContext>, new() =>
        (_deferred ?? throw new InvalidOperationException("Deferred writes exist only while HandleAsync runs.")).Get<TWrite>();

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = MessageIdOf(context);
        var consumer = ConsumerName;

        // First delivery attempts share a transaction with whatever else is arriving (group
        // commit); retries run alone, so a failing message does not keep failing batches.
        if (GroupCommitsFor(context) is { MaxBatchSize: > 1 } commits && context.GetRetryAttempt() == 0)
        {
            var item = new InboxBatchItem<TContext>(messageId, consumer, SavesOncePerBatch, (batchDb, writes) => ApplyAsync(batchDb, writes, context));
            var outcome = await commits.For<TContext>().SubmitAsync(item);
            if (outcome == InboxBatchOutcome.Duplicate)
                InboxLog.Duplicate(LoggerFor(context), messageId, consumer);
            if (outcome != InboxBatchOutcome.RunAlone)
                return;
        }

        var db = ScopedServices(context).GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        // Rolled back whole on any failure (a lost race included), so no savepoint is needed.
        using var noSavepoints = GroupCommitContext.WithoutSavepoints(db);

        var applied = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await InboxClaim.TryClaimAsync(db, messageId, consumer, ct))
                return false;
            try
            {
                var writes = new InboxDeferredWrites<TContext>();
                await ApplyAsync(db, writes, context);
                await writes.SaveAsync(db, ct);
                await tx.CommitAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another delivery of the same message may have committed first (unique key on
                // the inbox): then its effects stand and ours are discarded. Otherwise a real error.
                if (await LostRaceAsync(db, tx, messageId, consumer))
                    return false;
                throw;
            }
            catch
            {
                // Leave the context clean for a retry in the same scope.
                db.ChangeTracker.Clear();
                throw;
            }
        }, context.CancellationToken);

        if (!applied)
            InboxLog.Duplicate(LoggerFor(context), messageId, consumer);
    }

    private async Task ApplyAsync(TContext target, InboxDeferredWrites<TContext> writes, ConsumeContext<TEvent> context)
    {
        _deferred = writes;
        try
        {
            await HandleAsync(context.Message, target, context);
        }
        finally
        {
            _deferred = null;
        }
    }

    private static async Task<bool> LostRaceAsync(TContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, Guid messageId, string consumer)
    {
        await tx.RollbackAsync();
        db.ChangeTracker.Clear();
        return await InboxClaim.IsAppliedAsync(db, messageId, consumer, CancellationToken.None);
    }

    /// <summary>Integration events are keyed by their EventId (which the outbox also sends as MessageId).</summary>
    private static Guid MessageIdOf(ConsumeContext<TEvent> context)
    {
        if (context.Message is IIntegrationEvent e && e.EventId != Guid.Empty)
            return e.EventId;
        return context.MessageId ?? throw new InvalidOperationException("The message has no MessageId: it cannot be de-duplicated.");
    }

    /// <summary>The message's DI scope (MassTransit puts it on the context); null outside one.</summary>
    private static IServiceProvider? ServicesOf(ConsumeContext context) =>
        context.TryGetPayload(out IServiceProvider? provider) ? provider : null;

    private static IServiceProvider ScopedServices(ConsumeContext context) =>
        ServicesOf(context) ?? throw new InvalidOperationException("The message has no service scope: register the consumer with AddEventConsumer.");

    private static InboxGroupCommits? GroupCommitsFor(ConsumeContext context) => ServicesOf(context)?.GetService<InboxGroupCommits>();

    // Looked up only when there is something to log, not for every message.
    private static ILogger LoggerFor(ConsumeContext context) =>
        ServicesOf(context)?.GetService<ILoggerFactory>()?.CreateLogger("EducationHub.Messaging.Inbox") ?? NullLogger.Instance;
}

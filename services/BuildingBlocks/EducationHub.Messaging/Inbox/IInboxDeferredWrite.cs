using Microsoft.EntityFrameworkCore;

namespace EducationHub.Messaging.Inbox;

/// <summary>
/// Writes that a consumer's handler collects instead of executing (for example rows for one
/// multi-row <c>INSERT ... ON CONFLICT DO NOTHING</c>), obtained with
/// <see cref="IdempotentConsumer{TEvent, TContext}.Deferred{TWrite}"/>. They are flushed where the
/// handler's changes are saved, inside the same transaction: after each message, or once per
/// group-commit batch for a consumer that saves once per batch. A statement per batch instead of
/// per message is what lets the consumers keep up with the broker.
/// </summary>
public interface IInboxDeferredWrite<in TContext>
    where TContext : DbContext
{
    /// <summary>Writes everything collected so far through <paramref name="db"/>'s open transaction.</summary>
    Task FlushAsync(TContext db, CancellationToken ct);
}

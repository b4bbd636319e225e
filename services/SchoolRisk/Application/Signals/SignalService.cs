using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Signals;

/// <summary>
/// Records partner signals and their corrections. Each write stores the calling organisation,
/// appends an audit entry and publishes <c>PartnerSignalSubmitted</c>, all in one transaction.
/// </summary>
public sealed class SignalService(SchoolRiskDbContext db, WriteGroupCommit<SchoolRiskDbContext> writes, TimeProvider clock)
{
    /// <summary>
    /// A submission only adds rows (the signal, its audit entry, its event) and reads nothing, so
    /// concurrent submissions share a transaction (group commit, docs/persistence.md).
    /// </summary>
    public Task<PartnerSignal> SubmitAsync(SignalDraft draft, CallerIdentity caller, CancellationToken cancellationToken) =>
        writes.SaveAsync(db, batch =>
        {
            var signal = PartnerSignal.Record(Guid.CreateVersion7(), draft.Urn, draft.Kind, draft.ConcernLevel, draft.ObservedOn,
                draft.Summary, draft.Outcome, caller.Organisation, draft.Author, clock.GetUtcNow());
            batch.PartnerSignals.Add(signal);
            batch.Audit(caller, "signal.submitted", signal.Id.ToString());
            batch.AddEvent(Submitted(signal));
            return signal;
        }, cancellationToken);

    /// <summary>
    /// Null when the signal does not exist; throws <see cref="UnauthorizedAccessException"/> when the caller's
    /// organisation did not record it, <see cref="InvalidOperationException"/> when it was already superseded.
    /// </summary>
    public async Task<PartnerSignal?> CorrectAsync(SignalCorrection correction, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var original = await db.PartnerSignals.FirstOrDefaultAsync(s => s.Id == correction.SignalId, cancellationToken);
        if (original is null)
        {
            return null;
        }
        // A correction supersedes, and so cancels, the original: only its author's organisation may say it was wrong.
        if (!string.Equals(original.Organisation, caller.Organisation, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException(
                $"Signal {original.Id} was recorded by another organisation; only the organisation that recorded a signal may correct it.");
        }
        var corrected = original.CorrectWith(Guid.CreateVersion7(), correction.ConcernLevel, correction.ObservedOn, correction.Summary,
            correction.Outcome, caller.Organisation, correction.Author, correction.Reason, clock.GetUtcNow());
        db.PartnerSignals.Add(corrected);
        db.Audit(caller, "signal.corrected", corrected.Id.ToString());
        db.AddEvent(Submitted(corrected));
        await db.SaveChangesAsync(cancellationToken);
        return corrected;
    }

    public async Task<IReadOnlyList<PartnerSignal>> ListAsync(IReadOnlyCollection<int> urns, bool includeSuperseded, CancellationToken cancellationToken)
    {
        var signals = await db.PartnerSignals.AsNoTracking()
            .Where(s => urns.Contains(s.Urn) && (includeSuperseded || s.SupersededById == null))
            .ToListAsync(cancellationToken);
        return [.. signals.OrderByDescending(s => s.ObservedOn).ThenByDescending(s => s.Id)];
    }

    private PartnerSignalSubmitted Submitted(PartnerSignal signal)
    {
        var envelope = EventEnvelope.New(Microsoft.AspNetCore.Builder.SchoolRiskModule.ServiceName, clock: clock);
        return new PartnerSignalSubmitted(envelope.EventId, envelope.OccurredAt, signal.Urn, envelope.Producer, envelope.CorrelationId,
            signal.Id, signal.Kind.Code(), signal.ConcernLevel.ToString(), signal.ObservedOn, signal.Organisation, signal.SupersedesId);
    }
}

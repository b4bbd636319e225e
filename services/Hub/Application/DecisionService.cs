using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Application;

/// <summary>
/// Records the group's decisions and whether agreed actions were done; every write names the organisation, and the version
/// a write replaces is kept (<see cref="DecisionHistoryRow"/>).
/// </summary>
public sealed class DecisionService(HubDbContext db, TimeProvider clock)
{
    public sealed record DecisionInput(RiskMonth Month, int Urn, DecisionKind Kind, string Owner, DateOnly DueOn, string Action);

    public async Task<EigDecision> RecordAsync(DecisionInput input, string organisation, string subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (input.Month > RiskMonth.Containing(now))
            throw new HubConflictException($"{input.Month} has not started yet: decisions are recorded for the current or an earlier month.");
        await EnsureKnownSchoolAsync(input.Urn, ct);
        var key = input.Month.ToString();
        var row = await db.Decisions.FirstOrDefaultAsync(d => d.Month == key && d.Urn == input.Urn, ct);
        var replacing = row is not null;
        // The version being replaced is kept (with whether it was done): the group can see what it decided before.
        if (row is not null) db.DecisionHistory.Add(Superseded(row, DecisionChange.DecisionRecorded, now, organisation, subject));
        if (row is null) db.Decisions.Add(row = new DecisionRow { Id = Guid.CreateVersion7(), Month = key, Urn = input.Urn });
        row.Kind = (int)input.Kind;
        row.OwnerOrganisation = input.Owner.Trim();
        row.DueOn = input.DueOn;
        row.Action = input.Action.Trim();
        row.RecordedBy = organisation;
        row.RecordedBySubject = subject;
        row.RecordedAt = now.UtcDateTime;
        row.ClearOutcome();
        db.Audit(organisation, subject, replacing ? "decision.replaced" : "decision.recorded", "decision", $"{key}/{input.Urn}");
        await db.SaveChangesAsync(ct);
        return RowMapping.ToDecision(row);
    }

    public async Task<EigDecision> RecordOutcomeAsync(RiskMonth month, int urn, bool done, string note, string organisation, string subject, CancellationToken ct)
    {
        var key = month.ToString();
        var row = await db.Decisions.FirstOrDefaultAsync(d => d.Month == key && d.Urn == urn, ct)
                  ?? throw new HubNotFoundException($"decision/{key}/{urn}", $"No decision was recorded for URN {urn} in {key}.");
        var now = clock.GetUtcNow();
        // An outcome someone recorded before is kept as it stood, as a re-recorded decision is: the group can see that
        // the action was reported done (or not) and by whom before this change. Nobody recorded one yet: nothing to keep.
        if (row.DoneRecordedBy is not null) db.DecisionHistory.Add(Superseded(row, DecisionChange.OutcomeRecorded, now, organisation, subject));
        row.RecordOutcome(done, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), organisation, now.UtcDateTime);
        db.Audit(organisation, subject, done ? "decision.done" : "decision.not-done", "decision", $"{key}/{urn}");
        await db.SaveChangesAsync(ct);
        return RowMapping.ToDecision(row);
    }

    private static DecisionHistoryRow Superseded(DecisionRow row, DecisionChange change, DateTimeOffset now, string organisation, string subject)
    {
        var replaced = new DecisionHistoryRow
        {
            Id = Guid.CreateVersion7(), DecisionId = row.Id, ReplacedAt = now.UtcDateTime, ReplacedBy = organisation, ReplacedBySubject = subject,
            ReplacedByChange = RowMapping.ToStored(change),
        };
        row.CopyTo(replaced);
        return replaced;
    }

    private async Task EnsureKnownSchoolAsync(int urn, CancellationToken ct)
    {
        if (await db.Schools.AnyAsync(s => s.Urn == urn, ct) || await db.Timeline.AnyAsync(t => t.Urn == urn, ct)) return;
        throw new HubNotFoundException($"school/{urn}", $"The hub knows nothing about URN {urn}.");
    }
}

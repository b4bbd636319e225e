namespace EducationHub.SchoolRisk.Domain;

/// <summary>
/// A dated, sourced piece of soft intelligence from a partner. Never edited: a correction is a new
/// signal that names the one it supersedes, so the record of what was said, by whom, stays intact.
/// </summary>
public sealed class PartnerSignal
{
    private PartnerSignal() { }

    public Guid Id { get; private set; }
    public int Urn { get; private set; }
    public SignalKind Kind { get; private set; }
    public ConcernLevel ConcernLevel { get; private set; }
    public DateOnly ObservedOn { get; private set; }
    public string Summary { get; private set; } = "";
    /// <summary>Kind-specific outcome, e.g. "not met" for an s175 audit or "not effective" for a monitoring visit.</summary>
    public string? Outcome { get; private set; }
    public string Organisation { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? SupersedesId { get; private set; }
    public Guid? SupersededById { get; private set; }
    public string? CorrectionReason { get; private set; }

    public bool IsCurrent => SupersededById is null;

    public static PartnerSignal Record(Guid id, int urn, SignalKind kind, ConcernLevel level, DateOnly observedOn,
        string summary, string? outcome, string organisation, string author, DateTimeOffset recordedAt) => new()
        {
            Id = id,
            Urn = urn,
            Kind = kind,
            ConcernLevel = level,
            ObservedOn = observedOn,
            Summary = summary,
            Outcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim(),
            Organisation = organisation,
            Author = author,
            RecordedAt = recordedAt,
        };

    /// <summary>Creates the correcting signal and marks this one as superseded by it.</summary>
    public PartnerSignal CorrectWith(Guid id, ConcernLevel level, DateOnly observedOn, string summary, string? outcome,
        string organisation, string author, string reason, DateTimeOffset recordedAt)
    {
        if (!IsCurrent)
        {
            throw new InvalidOperationException($"Signal {Id} was already superseded by {SupersededById}.");
        }
        var correction = Record(id, Urn, Kind, level, observedOn, summary, outcome, organisation, author, recordedAt);
        correction.SupersedesId = Id;
        correction.CorrectionReason = reason;
        SupersededById = correction.Id;
        return correction;
    }

    /// <summary>
    /// Whether the signal could have been known on <paramref name="asOf"/>: observed by then and
    /// recorded by the end of that day (a later correction does not rewrite an earlier assessment).
    /// </summary>
    public bool KnownOn(DateOnly asOf) =>
        ObservedOn <= asOf && DateOnly.FromDateTime(RecordedAt.UtcDateTime) <= asOf;
}

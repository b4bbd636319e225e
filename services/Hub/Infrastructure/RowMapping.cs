using System.Text.Json;
using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Infrastructure;

/// <summary>Converts between stored rows and domain records.</summary>
public static class RowMapping
{
    public static long ToMs(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static TimelineEntry ToEntry(TimelineRow r) => new(
        r.EventId, r.Urn, (TimelineKind)r.Kind, FromMs(r.OccurredAtMs), r.Producer, r.SourceId, r.RelatedId, r.Category, r.Level,
        r.Detail, r.Organisation, r.Score, r.Date, r.ModelVersion,
        r.ReasonsJson is null ? null : JsonSerializer.Deserialize<List<HardReason>>(r.ReasonsJson),
        r.RelatedIdsJson is null ? null : JsonSerializer.Deserialize<List<Guid>>(r.RelatedIdsJson),
        r.Flag);

    public static TimelineRow ToRow(TimelineEntry e, DateTimeOffset receivedAt) => new()
    {
        EventId = e.EventId,
        Urn = e.Urn,
        Kind = (int)e.Kind,
        OccurredAtMs = ToMs(e.OccurredAt),
        ReceivedAtMs = ToMs(receivedAt),
        Producer = e.Producer,
        SourceId = e.SourceId,
        RelatedId = e.RelatedId,
        Category = e.Category,
        Level = e.Level,
        Detail = e.Detail,
        Organisation = e.Organisation,
        Score = e.Score,
        Date = e.Date,
        ModelVersion = e.ModelVersion,
        ReasonsJson = e.Reasons is null ? null : JsonSerializer.Serialize(e.Reasons),
        RelatedIdsJson = e.RelatedIds is null ? null : JsonSerializer.Serialize(e.RelatedIds),
        Flag = e.Flag,
    };

    public static SchoolInfo ToSchool(SchoolRow r) => new(r.Urn, r.Name, r.LaCode, r.LaName, r.EstablishmentType, r.Phase, r.Status, r.TrustName,
        r.PredecessorUrns.Length == 0 ? [] : r.PredecessorUrns.Split(',').Select(int.Parse).ToList());

    public static EigDecision ToDecision(DecisionRow r) => Decision(r.Id, r);

    public static ReplacedDecision ToReplacedDecision(DecisionHistoryRow r) =>
        new(Decision(r.DecisionId, r), new DateTimeOffset(DateTime.SpecifyKind(r.ReplacedAt, DateTimeKind.Utc)), r.ReplacedBy, ToChange(r.ReplacedByChange));

    public static string ToStored(DecisionChange change) => change switch
    {
        DecisionChange.DecisionRecorded => DecisionHistoryRow.ByDecision,
        DecisionChange.OutcomeRecorded => DecisionHistoryRow.ByOutcome,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a change that replaces a decision."),
    };

    // Only ToStored writes the column (and the migration's default), so another value means the row was not written by the hub.
    private static DecisionChange ToChange(string stored) => stored switch
    {
        DecisionHistoryRow.ByDecision => DecisionChange.DecisionRecorded,
        DecisionHistoryRow.ByOutcome => DecisionChange.OutcomeRecorded,
        _ => throw new InvalidDataException($"hub_decision_history.ReplacedByChange holds \"{stored}\", which is neither \"decision\" nor \"outcome\"."),
    };

    private static EigDecision Decision(Guid id, DecisionVersion r) => new(
        id, RiskMonth.Parse(r.Month), r.Urn, (DecisionKind)r.Kind, r.OwnerOrganisation, r.DueOn, r.Action, r.RecordedBy,
        new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)), r.Done, r.DoneNote,
        Utc(r.DoneAt), r.DoneRecordedBy, Utc(r.OutcomeRecordedAt));

    private static DateTimeOffset? Utc(DateTime? stored) => stored is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
}

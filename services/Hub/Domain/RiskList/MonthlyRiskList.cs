using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Domain.RiskList;

/// <summary>
/// A month's EIG risk list. A draft is computed on demand; a published list is this same shape
/// frozen as JSON in a snapshot row and never recomputed.
/// </summary>
public sealed record MonthlyRiskList(
    string Month,
    bool Published,
    Guid? SnapshotId,
    string PriorityModelVersion,
    IReadOnlyList<string> RiskModelVersions,
    DateTimeOffset InputsCutOff,
    DateTimeOffset EvaluatedAsOf,
    int Threshold,
    string PreviousMonth,
    bool PreviousMonthPublished,
    IReadOnlyList<RiskListItem> Entries,
    IReadOnlyList<LeftItem> Left,
    DateTimeOffset? PublishedAt = null,
    string? PublishedBy = null)
{
    public IEnumerable<(string Band, int Count)> BandCounts(IReadOnlyList<string> bandOrder) =>
        bandOrder.Select(b => (b, Entries.Count(e => e.Band == b)));

    public IEnumerable<(Movement Movement, int Count)> MovementCounts() =>
        new[] { Movement.New, Movement.Up, Movement.Down, Movement.Unchanged }
            .Select(m => (m, Entries.Count(e => e.Movement == m)))
            .Append((Movement.Left, Left.Count));
}

public sealed record RiskListItem(
    int Rank,
    int Urn,
    string SchoolName,
    string LaCode,
    string LaName,
    string Phase,
    string EstablishmentType,
    string? TrustName,
    int Priority,
    string Band,
    int HardScore,
    string HardBand,
    double SoftPoints,
    Movement Movement,
    int PreviousPriority,
    int PreviousRank,
    IReadOnlyList<PriorityReason> Reasons,
    IReadOnlyList<string> CurrentSupport,
    string OwnerOrganisation,
    IReadOnlyList<AgreedAction> LastMonthActions,
    EigDecision? Decision);

/// <summary>A school on last month's list that is not on this one, and why.</summary>
public sealed record LeftItem(int Urn, string SchoolName, int PreviousPriority, int PreviousRank, int CurrentPriority, string Reason);

/// <summary>Last month's decision as it stands now: done or not, and how we know.</summary>
public sealed record AgreedAction(
    string Month,
    DecisionKind Decision,
    string OwnerOrganisation,
    DateOnly DueOn,
    string Action,
    bool Done,
    string DoneEvidence,
    bool Overdue);

/// <summary>Last month's list as the comparison basis for movement: published snapshot, else the computed draft.</summary>
public sealed record PreviousList(string Month, bool Published, IReadOnlyDictionary<int, (int Rank, int Priority)> Entries);

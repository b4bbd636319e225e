namespace EducationHub.Hub.Domain;

/// <summary>What the Education Improvement Group can decide for a school in a month.</summary>
public enum DecisionKind
{
    Monitor = 1,
    SupportPackage = 2,
    WarningNotice = 3,
    ReferOfsted = 4,
    ReferRsc = 5,
    Remove = 6,
}

/// <summary>
/// The group's decision for one school in one month: recorded at (or after) the meeting, shown
/// on that month's list and carried into the next month's list as "last month's agreed action".
/// </summary>
/// <param name="DoneRecordedBy">The organisation that recorded the outcome (done or not done); null until someone does.</param>
/// <param name="OutcomeRecordedAt">
/// When that outcome was recorded, done or not done (<paramref name="DoneAt"/> is only set when done); null until one is,
/// and for a "not done" outcome recorded before the hub kept this time.
/// </param>
public sealed record EigDecision(
    Guid Id,
    RiskMonth Month,
    int Urn,
    DecisionKind Kind,
    string OwnerOrganisation,
    DateOnly DueOn,
    string Action,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    bool Done = false,
    string? DoneNote = null,
    DateTimeOffset? DoneAt = null,
    string? DoneRecordedBy = null,
    DateTimeOffset? OutcomeRecordedAt = null)
{
    public static string Describe(DecisionKind kind) => kind switch
    {
        DecisionKind.Monitor => "Monitor",
        DecisionKind.SupportPackage => "Support package",
        DecisionKind.WarningNotice => "Warning notice",
        DecisionKind.ReferOfsted => "Refer to Ofsted",
        DecisionKind.ReferRsc => "Refer to the RSC",
        DecisionKind.Remove => "Remove from the list",
        _ => kind.ToString(),
    };
}

namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// How much of the explanation a priority calculation produces. The score is the same at every
/// level; the wording is most of the cost, so callers that only rank schools (last month's list
/// as the basis for movement) ask for the score alone.
/// </summary>
public enum PriorityDetail
{
    /// <summary>Priority, band and hard score only: no reasons, support or per-event points.</summary>
    Score = 0,

    /// <summary>Also the reasons and current support, as the list shows them.</summary>
    Reasons = 1,

    /// <summary>Also what each event contributes, as a school's timeline shows it.</summary>
    ReasonsAndEventPoints = 2,
}

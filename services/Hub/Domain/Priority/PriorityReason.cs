namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// One plain-English reason a school is on the list, with its points (after decay) and
/// references to the source records and events, e.g. "notice/3f2a..." and "event/9c1d...".
/// </summary>
public sealed record PriorityReason(string Code, string Text, double Points, IReadOnlyList<string> SourceRefs);

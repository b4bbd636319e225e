namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// A few words for each kind of priority reason, for places with no room for the reason's sentence (the
/// start-up banner's table). The codes themselves are for machines and exports ("governance.notice.open").
/// </summary>
public static class ReasonNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["risk.assessment"] = "risk score",
        ["governance.notice.open"] = "warning notice",
        ["governance.notice.deadline-passed"] = "notice deadline passed",
        ["governance.notice.complied"] = "notice complied with",
        ["governance.intervention.active"] = "intervention",
        ["governance.intervention.ended"] = "intervention ended",
        ["governance.concern"] = "governance concerns",
        ["whistleblowing.concern"] = "whistleblowing",
        ["complaints"] = "complaints",
        ["complaints.timescale-breached"] = "complaint timescales",
        ["partner.signal"] = "partner concern",
        ["soft.capped"] = "soft intelligence cap",
    };

    public static bool Knows(string code) => Names.ContainsKey(code);

    /// <summary>The reason's name; a code added without one still reads as words ("new.kind" → "new kind").</summary>
    public static string Short(string code) =>
        Names.TryGetValue(code, out var name) ? name : Wording.Humanise(code.Replace('.', ' '));
}

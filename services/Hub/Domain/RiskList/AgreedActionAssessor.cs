namespace EducationHub.Hub.Domain.RiskList;

/// <summary>
/// Decides whether last month's agreed action was done: either someone recorded it, or the
/// timeline shows the matching event after the decision (a warning notice issued, an
/// intervention started, a partner signal from the organisation it was referred to).
/// </summary>
public static class AgreedActionAssessor
{
    public static AgreedAction Assess(EigDecision d, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset asOf)
    {
        var (done, evidence) = d.Done
            ? (true, "Recorded as done" + (d.DoneAt is { } at ? $" on {Priority.Wording.Date(at)}" : "") + (string.IsNullOrWhiteSpace(d.DoneNote) ? "" : $": {d.DoneNote}"))
            : Infer(d, timeline, asOf);
        var overdue = !done && d.DueOn < DateOnly.FromDateTime(asOf.UtcDateTime);
        return new AgreedAction(d.Month.ToString(), d.Kind, d.OwnerOrganisation, d.DueOn, d.Action, done, evidence, overdue);
    }

    private static (bool, string) Infer(EigDecision d, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset asOf)
    {
        if (d.Kind == DecisionKind.Remove) return (true, "Removed from the list");
        var since = d.Month.Start;
        foreach (var e in timeline)
        {
            if (e.OccurredAt < since || e.OccurredAt > asOf) continue;
            var matched = d.Kind switch
            {
                DecisionKind.WarningNotice => e.Kind == TimelineKind.WarningNoticeIssued,
                DecisionKind.SupportPackage => e.Kind == TimelineKind.InterventionStarted,
                DecisionKind.ReferOfsted => e.Kind == TimelineKind.PartnerSignalSubmitted && Mentions(e.Organisation, "ofsted"),
                DecisionKind.ReferRsc => e.Kind == TimelineKind.PartnerSignalSubmitted && (Mentions(e.Organisation, "rsc") || Mentions(e.Organisation, "regional")),
                DecisionKind.Monitor => e.Kind == TimelineKind.PartnerSignalSubmitted,
                _ => false,
            };
            if (matched)
                return (true, $"{Priority.Wording.Sentence(Priority.Wording.Humanise(e.Kind.ToString()))} on {Priority.Wording.Date(e.OccurredAt)} ({Priority.Wording.EventRef(e.EventId)})");
        }
        return (false, "Not recorded as done");
    }

    private static bool Mentions(string? text, string word) => text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;
}

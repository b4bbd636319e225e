using System.Globalization;
using System.Text;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.ServiceDefaults.Auth;
using static EducationHub.Hub.Dashboard.Html;

namespace EducationHub.Hub.Dashboard;

/// <summary>One school: details, today's priority and reasons, 12-month chart, decisions, timeline.</summary>
internal static class SchoolPage
{
    public static string Render(SchoolProfileService.Profile p, int threshold, OrganisationNames names, bool signOut = false)
    {
        var s = p.School;
        var sb = new StringBuilder();
        sb.Append($"<p class=\"caption\">URN {s.Urn}</p><h1>{E(s.Name)}</h1>");
        sb.Append("<dl class=\"summary-list\">");
        sb.Append($"<dt>Local authority</dt><dd>{E(s.LaName)} ({E(s.LaCode)})</dd><dt>Phase and type</dt><dd>{E(s.Phase)}, {E(s.EstablishmentType)}</dd>");
        if (s.TrustName is not null) sb.Append($"<dt>Trust</dt><dd>{E(s.TrustName)}</dd>");
        sb.Append($"<dt>Status</dt><dd>{E(s.Status)}</dd>");
        if (s.PredecessorUrns.Count > 0) sb.Append($"<dt>Predecessor URNs</dt><dd>{E(string.Join(", ", s.PredecessorUrns))} (their history is included)</dd>");
        sb.Append($"<dt>Priority today</dt><dd><strong>{p.Current.Priority}</strong> {Tag(p.Current.Band, p.Current.Band)} <span class=\"meta\">SchoolRisk score {p.Current.HardScore}; soft intelligence {p.Current.SoftPoints.ToString("0.#", CultureInfo.InvariantCulture)} points</span></dd>");
        if (p.Current.CurrentSupport.Count > 0) sb.Append($"<dt>Current support</dt><dd>{string.Join("<br>", p.Current.CurrentSupport.Select(E))}</dd>");
        sb.Append("</dl>");

        sb.Append("<h2>Priority over the last 12 months</h2>").Append(PriorityChart.Render(p.History, threshold));

        sb.Append("<h2>Why</h2><table><thead><tr><th>Reason</th><th class=\"num\">Points</th><th>Sources</th></tr></thead><tbody>");
        foreach (var r in p.Current.Reasons)
            sb.Append($"<tr><td>{E(r.Text)}</td><td class=\"num\">{r.Points.ToString("0.#", CultureInfo.InvariantCulture)}</td><td class=\"refs\">{string.Join("<br>", r.SourceRefs.Select(E))}</td></tr>");
        if (p.Current.Reasons.Count == 0) sb.Append("<tr><td colspan=\"3\">Nothing on record raises this school's priority.</td></tr>");
        sb.Append("</tbody></table>");

        sb.Append("<h2>Group decisions</h2>");
        if (p.Decisions.Count == 0) sb.Append("<p>No decisions recorded.</p>");
        else
        {
            sb.Append("<table><thead><tr><th>Month</th><th>Decision</th><th>Owner</th><th>Due</th><th>Done</th><th>Recorded by</th></tr></thead><tbody>");
            foreach (var d in p.Decisions)
                sb.Append($"<tr>{DecisionCells(d, p.DecisionProgress.GetValueOrDefault(d.Id), names)}<td>{E(names.Display(d.RecordedBy))}</td></tr>");
            sb.Append("</tbody></table>");
        }
        if (p.ReplacedDecisions.Count > 0)
        {
            // What the group had decided, and what it had been told of the action, before a decision above was recorded
            // again or given a new outcome; and who changed it.
            sb.Append("<h3>Earlier versions of these decisions</h3><table><thead><tr><th>Month</th><th>Decision</th><th>Owner</th><th>Due</th><th>Done</th><th>Recorded by</th><th>Replaced</th></tr></thead><tbody>");
            foreach (var r in p.ReplacedDecisions)
            {
                var d = r.Decision;
                sb.Append($"<tr>{DecisionCells(d, null, names)}<td>{E(names.Display(d.RecordedBy))}, {E(Wording.Date(d.RecordedAt))}</td><td>{Replaced(r, names)}</td></tr>");
            }
            sb.Append("</tbody></table>");
        }

        sb.Append($"<h2>Timeline</h2><p class=\"meta\">{p.Timeline.Count} most recent of {p.TimelineTotal} entries, newest first.</p>");
        sb.Append("<table><thead><tr><th>Date</th><th>What happened</th><th>Source</th><th class=\"num\">Points today</th></tr></thead><tbody>");
        foreach (var t in p.Timeline)
            sb.Append($"<tr><td>{E(Wording.Date(t.Entry.OccurredAt))}</td><td>{E(t.Summary)}</td><td class=\"refs\">{E(t.SourceRef)}<br>{E(t.Entry.Producer)}</td><td class=\"num\">{(t.PointsNow == 0 ? "" : t.PointsNow.ToString("0.#", CultureInfo.InvariantCulture))}</td></tr>");
        sb.Append("</tbody></table>");
        return Page(s.Name, sb.ToString(), "<a href=\"/hub/risk-list\">Risk list</a> › " + E(s.Name), signOut);
    }

    /// <summary>Month, decision, owner, due and done: the cells a decision and its replaced versions share.</summary>
    private static string DecisionCells(EigDecision d, AgreedAction? progress, OrganisationNames names) =>
        $"<td>{E(d.Month.DisplayName)}</td><td>{E(EigDecision.Describe(d.Kind))}: {E(d.Action)}</td><td>{E(names.Display(d.OwnerOrganisation))}</td><td>{E(Wording.Date(d.DueOn))}</td>" +
        $"<td>{Outcome(d, progress, names)}</td>";

    /// <summary>
    /// Until someone records an outcome, how the action stands (<see cref="Unrecorded"/>; a replaced version just "No");
    /// then done or not with its note, who recorded it and when, since a replaced outcome is only understood beside
    /// the one that replaced it (a "not done" note says why, so it is shown too).
    /// </summary>
    private static string Outcome(EigDecision d, AgreedAction? progress, OrganisationNames names)
    {
        if (d.DoneRecordedBy is null) return progress is null ? (d.Done ? "Yes" : "No") : Unrecorded(progress);
        var answer = (d.Done ? "Yes" : "No") + (d.DoneNote is null ? "" : ": " + E(d.DoneNote));
        // Not DoneAt: it has no date for "not done" (a "done" outcome has the same time in both).
        var when = d.OutcomeRecordedAt is { } at ? ", " + E(Wording.Date(at)) : "";
        return $"{answer} <span class=\"meta\">(recorded by {E(names.Display(d.DoneRecordedBy))}{when})</span>";
    }

    /// <summary>
    /// A current decision nobody has recorded an outcome for, judged as the risk list judges last month's actions, so the
    /// two pages agree: done if the timeline shows it (a notice issued, an intervention started...) or the decision was to
    /// remove the school, with how we know; else overdue or not yet.
    /// </summary>
    private static string Unrecorded(AgreedAction progress) =>
        progress.Done ? $"Yes <span class=\"meta\">({E(progress.DoneEvidence)})</span>"
        : progress.Overdue ? Tag("Overdue", "overdue") + " <span class=\"meta\">(no outcome recorded)</span>"
        : "Not yet";

    private static string Replaced(ReplacedDecision r, OrganisationNames names) =>
        $"{(r.ReplacedByChange == DecisionChange.OutcomeRecorded ? "Outcome" : "Decision")} replaced on {E(Wording.Date(r.ReplacedAt))} by {E(names.Display(r.ReplacedBy))}";
}

using System.Globalization;
using System.Text;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using static EducationHub.Hub.Dashboard.Html;

namespace EducationHub.Hub.Dashboard;

/// <summary>The month's list: filters, summary (bands, movement), the table, schools that left, exports.</summary>
internal static class RiskListPage
{
    public static string Render(RiskMonth month, MonthlyRiskList list, ListQuery query, IReadOnlyList<RiskListItem> rows, PriorityModel model, string queryString, bool signOut = false)
    {
        var sb = new StringBuilder();
        var status = list.Published
            ? Tag("Published", "published") + $" <span class=\"meta\">on {E(Wording.Date(list.PublishedAt!.Value))} by {E(list.PublishedBy)}</span>"
            : Tag("Draft", "draft") + " <span class=\"meta\">computed now; it becomes fixed when the month is published</span>";
        sb.Append($"<p class=\"caption\">Education Improvement Group</p><h1>Schools potentially needing support: {E(month.DisplayName)}</h1>");
        sb.Append($"<p>{status}</p>");
        sb.Append($"<p class=\"meta\">Priority model {E(list.PriorityModelVersion)}; risk model {E(string.Join(", ", list.RiskModelVersions))}; inputs received up to {E(list.InputsCutOff.ToString("u", CultureInfo.InvariantCulture))}; threshold {list.Threshold}. Compared with {E(list.PreviousMonth)} ({(list.PreviousMonthPublished ? "published list" : "recomputed, not published")}).</p>");

        sb.Append(Filters(month, list, query, model));

        var bands = list.BandCounts(model.Bands.Select(b => b.Name).ToList()).ToList();
        sb.Append("<div class=\"cards\">");
        sb.Append($"<div class=\"card\"><span class=\"big\">{list.Entries.Count}</span>schools on the list</div>");
        foreach (var (movement, count) in list.MovementCounts())
            sb.Append($"<div class=\"card\"><span class=\"big\">{count}</span>{E(MovementLabel(movement))}</div>");
        sb.Append("</div>");
        sb.Append("<h2>By band</h2>").Append(PriorityChart.Bands(bands));

        sb.Append($"<p class=\"no-print\"><a class=\"button button-secondary\" href=\"/hub/risk-list.csv?{E(queryString)}\" download>Download CSV</a> ");
        sb.Append($"<a class=\"button button-secondary\" href=\"/hub/risk-list.xlsx?{E(queryString)}\" download>Download Excel (print layout)</a></p>");

        sb.Append($"<h2>The list ({rows.Count} shown)</h2>");
        if (rows.Count == 0) sb.Append("<p>No schools match these filters.</p>");
        else
        {
            sb.Append("<table><thead><tr><th class=\"num\">Rank</th><th>School</th><th class=\"num\">Priority</th><th>Movement</th><th>Reasons</th><th>Current support</th><th>Owner</th><th>Last month's action</th><th>Decision</th></tr></thead><tbody>");
            foreach (var e in rows) sb.Append(Row(e));
            sb.Append("</tbody></table>");
        }

        sb.Append("<h2>Left the list since last month</h2>");
        if (list.Left.Count == 0) sb.Append("<p>No school left the list.</p>");
        else
        {
            sb.Append("<table><thead><tr><th>School</th><th class=\"num\">Last month</th><th class=\"num\">Now</th><th>Why</th></tr></thead><tbody>");
            foreach (var l in list.Left)
                sb.Append($"<tr><td><a href=\"/hub/schools/{l.Urn}\">{E(l.SchoolName)}</a><br><span class=\"meta\">URN {l.Urn}</span></td><td class=\"num\">{l.PreviousPriority} (rank {l.PreviousRank})</td><td class=\"num\">{l.CurrentPriority}</td><td>{E(l.Reason)}</td></tr>");
            sb.Append("</tbody></table>");
        }
        return Page($"Risk list {month.DisplayName}", sb.ToString(), signOut: signOut);
    }

    private static string Filters(RiskMonth month, MonthlyRiskList list, ListQuery q, PriorityModel model)
    {
        var sb = new StringBuilder("<form method=\"get\" action=\"/hub/risk-list\" class=\"filters\">");
        sb.Append($"<div><label for=\"month\">Month</label><input type=\"month\" id=\"month\" name=\"month\" value=\"{E(month.ToString())}\"></div>");
        sb.Append("<div><label for=\"la\">Local authority</label><select id=\"la\" name=\"la\">").Append(Option("", "All", q.LaCode));
        foreach (var la in list.Entries.Select(e => (e.LaCode, e.LaName)).Distinct().OrderBy(x => x.LaName, StringComparer.Ordinal))
            sb.Append(Option(la.LaCode, $"{la.LaName} ({la.LaCode})", q.LaCode));
        sb.Append("</select></div><div><label for=\"band\">Band</label><select id=\"band\" name=\"band\">").Append(Option("", "All", q.Band));
        foreach (var b in model.Bands) sb.Append(Option(b.Name, b.Name, q.Band));
        sb.Append("</select></div><div><label for=\"movement\">Movement</label><select id=\"movement\" name=\"movement\">").Append(Option("", "All", q.Movement?.ToString()));
        foreach (var m in new[] { Movement.New, Movement.Up, Movement.Down, Movement.Unchanged }) sb.Append(Option(m.ToString(), MovementLabel(m), q.Movement?.ToString()));
        sb.Append("</select></div><div><label for=\"sort\">Sort by</label><select id=\"sort\" name=\"sort\">");
        foreach (var s in Enum.GetValues<ListSort>()) sb.Append(Option(s.ToString(), SortLabel(s), q.Sort.ToString()));
        sb.Append("</select></div><div><button class=\"button\" type=\"submit\">Apply</button></div></form>");
        return sb.ToString();
    }

    private static string Row(RiskListItem e)
    {
        var sb = new StringBuilder("<tr>");
        sb.Append($"<td class=\"num\">{e.Rank}</td>");
        sb.Append($"<td><a href=\"/hub/schools/{e.Urn}\">{E(e.SchoolName)}</a><br><span class=\"meta\">URN {e.Urn} · {E(e.LaName)} · {E(e.Phase)}{(e.TrustName is null ? "" : " · " + E(e.TrustName))}</span></td>");
        sb.Append($"<td class=\"num\"><strong>{e.Priority}</strong><br>{Tag(e.Band, e.Band)}</td>");
        sb.Append($"<td>{MovementTag(e)}</td>");
        sb.Append("<td><ul class=\"reasons\">");
        foreach (var r in e.Reasons.Take(4)) sb.Append($"<li>{E(r.Text)} <span class=\"meta\">({r.Points.ToString("0.#", CultureInfo.InvariantCulture)})</span></li>");
        if (e.Reasons.Count > 4) sb.Append($"<li><a href=\"/hub/schools/{e.Urn}\">{e.Reasons.Count - 4} more</a></li>");
        sb.Append("</ul></td>");
        sb.Append($"<td>{string.Join("<br>", e.CurrentSupport.Select(E))}</td><td>{E(e.OwnerOrganisation)}</td><td>");
        foreach (var a in e.LastMonthActions)
            sb.Append($"{E(EigDecision.Describe(a.Decision))} ({E(a.OwnerOrganisation)}, due {E(Wording.Date(a.DueOn))}): ")
              .Append(a.Done ? Tag("Done", "down") + $" <span class=\"meta\">{E(a.DoneEvidence)}</span>" : a.Overdue ? Tag("Overdue", "overdue") : "not done yet");
        sb.Append("</td><td>");
        if (e.Decision is { } d) sb.Append($"{E(EigDecision.Describe(d.Kind))}: {E(d.Action)} <span class=\"meta\">({E(d.OwnerOrganisation)}, due {E(Wording.Date(d.DueOn))})</span>");
        sb.Append("</td></tr>");
        return sb.ToString();
    }

    private static string MovementTag(RiskListItem e) => e.Movement switch
    {
        Movement.New => Tag("New", "new"),
        Movement.Up => Tag("Up", "up") + $"<br><span class=\"meta\">from {e.PreviousPriority} (rank {e.PreviousRank})</span>",
        Movement.Down => Tag("Down", "down") + $"<br><span class=\"meta\">from {e.PreviousPriority} (rank {e.PreviousRank})</span>",
        _ => Tag("Unchanged", "unchanged"),
    };

    public static string MovementLabel(Movement m) => m switch
    {
        Movement.New => "new this month",
        Movement.Up => "moved up",
        Movement.Down => "moved down",
        Movement.Unchanged => "unchanged",
        Movement.Left => "left the list",
        _ => m.ToString(),
    };

    private static string SortLabel(ListSort s) => s switch
    {
        ListSort.Priority => "Priority (highest first)",
        ListSort.Name => "School name",
        ListSort.Urn => "URN",
        ListSort.Movement => "Biggest rise first",
        _ => s.ToString(),
    };
}

using System.Globalization;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Export;

/// <summary>
/// The month's list as a table for CSV and Excel, from the API messages, so the dashboard and
/// the CLI export exactly the same columns.
/// </summary>
public static class RiskListSheet
{
    private static readonly (string, double)[] Columns =
    [
        ("Rank", 6), ("URN", 9), ("School", 30), ("LA", 14), ("Phase / type", 18), ("Trust", 18), ("Priority", 8), ("Band", 9),
        ("Movement", 14), ("Reasons", 70), ("Current support", 30), ("Owner", 16), ("Last month's action", 30), ("Decision this month", 30),
    ];

    public static Sheet Build(Pb.RiskListSummary summary, IEnumerable<Pb.RiskListEntry> entries)
    {
        var month = DateOnly.ParseExact(summary.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var status = summary.Status == Pb.ListStatus.Published
            ? $"published {summary.PublishedAt?.ToDateTimeOffset():d MMM yyyy} by {summary.PublishedBy}"
            : "DRAFT";
        var title = $"EIG risk list {month} ({status}), model {summary.PriorityModelVersion}";
        var rows = entries.Select(e => (IReadOnlyList<Cell>)
        [
            e.Rank, e.Urn, e.SchoolName, $"{e.LaName} ({e.LaCode})", $"{e.Phase} / {e.EstablishmentType}", e.TrustName,
            e.Priority, e.Band, Movement(e),
            string.Join("\n", e.Reasons.Select(r => $"• {r.Text} [{r.Points:0.#}]")),
            string.Join("\n", e.CurrentSupport), e.OwnerOrganisation,
            string.Join("\n", e.LastMonthActions.Select(Action)),
            e.Decision is null ? "" : $"{DecisionName(e.Decision.Decision_)}: {e.Decision.Action} ({e.Decision.OwnerOrganisation}, due {e.Decision.DueOn})",
        ]).ToList();
        return new Sheet($"Risk list {summary.Month}", title, Columns, rows);
    }

    public static string Movement(Pb.RiskListEntry e) => e.Movement switch
    {
        Pb.Movement.New => "New",
        Pb.Movement.Up => $"Up from {e.PreviousPriority}",
        Pb.Movement.Down => $"Down from {e.PreviousPriority}",
        Pb.Movement.Unchanged => "Unchanged",
        _ => "",
    };

    public static string Action(Pb.AgreedAction a) =>
        $"{DecisionName(a.Decision)} ({a.OwnerOrganisation}, due {a.DueOn}): {(a.Done ? "done" : a.Overdue ? "NOT DONE, overdue" : "not done yet")}"
        + (string.IsNullOrEmpty(a.Action) ? "" : $" - {a.Action}");

    public static string DecisionName(Pb.DecisionKind k) => k switch
    {
        Pb.DecisionKind.Monitor => "Monitor",
        Pb.DecisionKind.SupportPackage => "Support package",
        Pb.DecisionKind.WarningNotice => "Warning notice",
        Pb.DecisionKind.ReferOfsted => "Refer to Ofsted",
        Pb.DecisionKind.ReferRsc => "Refer to the RSC",
        Pb.DecisionKind.Remove => "Remove",
        _ => "",
    };
}

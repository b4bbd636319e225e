using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Spectre.Console;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub school URN`: a school's priority, reasons, 12-month history, the group's decisions (and their earlier versions) and recent timeline.</summary>
public static class SchoolCommand
{
    public static Command Create(Func<InvocationContext, CliContext> context)
    {
        var urn = new Argument<int>("urn", "The school's 6-digit URN.");
        var limit = new Option<int>("--timeline", () => 20, "How many timeline entries to show.");
        var command = new Command("school", "One school: priority, reasons, history, the group's decisions and timeline.") { urn, limit };
        command.SetHandler(async ic =>
        {
            var cli = context(ic);
            var u = ic.ParseResult.GetValueForArgument(urn);
            if (u is < 100000 or > 999999) { ic.ExitCode = ServerErrors.Usage(cli, "URN must have 6 digits."); return; }
            var n = Math.Clamp(ic.ParseResult.GetValueForOption(limit), 1, 1000);
            ic.ExitCode = await ServerErrors.GuardAsync(cli, async () =>
            {
                var p = await cli.Hub().GetSchoolProfileAsync(new Pb.GetSchoolProfileRequest { Urn = u, TimelineLimit = n });
                Write(cli.Out, p);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static void Write(IAnsiConsole o, Pb.SchoolProfile p)
    {
        o.Write(new Rule($"[bold]{Markup.Escape(p.SchoolName)}[/] (URN {p.Urn})").LeftJustified());
        o.MarkupLine($"{Markup.Escape(p.LaName)} ({Markup.Escape(p.LaCode)}) · {Markup.Escape(p.Phase)} · {Markup.Escape(p.EstablishmentType)}{(p.TrustName.Length > 0 ? " · " + Markup.Escape(p.TrustName) : "")} · {Markup.Escape(p.Status)}");
        o.MarkupLine($"Priority [bold]{p.Priority}[/] ({Markup.Escape(p.Band)}); SchoolRisk score {p.HardScore}; soft intelligence {p.SoftPoints.ToString("0.#", CultureInfo.InvariantCulture)} points");
        foreach (var s in p.CurrentSupport) o.MarkupLine($"Support: {Markup.Escape(s)}");

        var reasons = new Table().Border(TableBorder.Rounded).Title("Why").AddColumn("Reason").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Sources");
        foreach (var r in p.Reasons) reasons.AddRow(Markup.Escape(r.Text), r.Points.ToString("0.#", CultureInfo.InvariantCulture), Markup.Escape(string.Join("\n", r.SourceRefs)));
        o.Write(reasons);

        var chart = new BarChart().Label("Priority, last 12 months (* = published)").Width(70).WithMaxValue(100);
        foreach (var h in p.History) chart.AddItem(h.Month + (h.Published ? "*" : " "), h.Priority, h.Listed ? Color.Red : Color.Grey);
        o.Write(chart);

        WriteDecisions(o, p);

        var timeline = new Table().Border(TableBorder.Simple).Title("Timeline (newest first)").AddColumn("Date").AddColumn("What").AddColumn("Source").AddColumn(new TableColumn("Points").RightAligned());
        foreach (var t in p.Timeline)
            timeline.AddRow(Day(t.OccurredAt), Markup.Escape(t.Summary), Markup.Escape(t.SourceRef),
                t.PointsNow == 0 ? "" : t.PointsNow.ToString("0.#", CultureInfo.InvariantCulture));
        o.Write(timeline);
    }

    /// <summary>The decisions as they stand, then each earlier version and what replaced it, as the dashboard's school page shows them.</summary>
    private static void WriteDecisions(IAnsiConsole o, Pb.SchoolProfile p)
    {
        if (p.Decisions.Count == 0) return;
        var decisions = DecisionTable("Group decisions");
        foreach (var (d, i) in p.Decisions.Select((d, i) => (d, i)))
            decisions.AddRow(DecisionCells(d, i < p.DecisionProgress.Count ? p.DecisionProgress[i] : null));
        o.Write(decisions);
        if (p.ReplacedDecisions.Count == 0) return;
        var earlier = DecisionTable("Earlier versions of these decisions").AddColumn("Replaced");
        foreach (var r in p.ReplacedDecisions)
        {
            var what = r.ReplacedByChange == Pb.DecisionChange.OutcomeRecorded ? "Outcome" : "Decision";
            earlier.AddRow([.. DecisionCells(r.Decision), $"{what} replaced {Day(r.ReplacedAt)} by {Markup.Escape(r.ReplacedBy)}"]);
        }
        o.Write(earlier);
    }

    /// <summary>A table with the columns <see cref="DecisionCells"/> fills.</summary>
    private static Table DecisionTable(string title) =>
        new Table().Border(TableBorder.Simple).Title(title).AddColumn("Month").AddColumn("Decision").AddColumn("Owner").AddColumn("Due").AddColumn("Done");

    private static string[] DecisionCells(Pb.Decision d, Pb.AgreedAction? progress = null)
    {
        // Who and when, as the school page says it (dates as the "Replaced" column prints them); when from
        // outcome_recorded_at, since done_at has no date for "not done".
        var when = d.OutcomeRecordedAt is { } at ? ", " + Day(at) : "";
        var answer = d.Done ? "Yes" : "No";
        var outcome = d.DoneRecordedBy.Length == 0 ? Unrecorded(answer, progress)
            : $"{answer}{(d.DoneNote.Length > 0 ? ": " + Markup.Escape(d.DoneNote) : "")} (recorded by {Markup.Escape(d.DoneRecordedBy)}{when})";
        return [Markup.Escape(d.Month), $"{Markup.Escape(Hub.Export.RiskListSheet.DecisionName(d.Decision_))}: {Markup.Escape(d.Action)}", Markup.Escape(d.OwnerOrganisation), Markup.Escape(d.DueOn), outcome];
    }

    /// <summary>A current decision without a recorded outcome, as the school page shows it: done as the timeline shows, overdue, or not yet.</summary>
    private static string Unrecorded(string answer, Pb.AgreedAction? progress) =>
        progress is null ? answer
        : progress.Done ? $"Yes ({Markup.Escape(progress.DoneEvidence)})"
        : progress.Overdue ? "[red]Overdue[/] (no outcome recorded)"
        : "Not yet";

    private static string Day(Google.Protobuf.WellKnownTypes.Timestamp t) => t.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

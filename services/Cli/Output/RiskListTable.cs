using Spectre.Console;
using EducationHub.Hub.Export;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli.Output;

/// <summary>The list as terminal tables: summary line, the schools, and those that left.</summary>
public static class RiskListTable
{
    public static void Write(IAnsiConsole o, Pb.RiskList list)
    {
        var s = list.Summary;
        var status = s.Status == Pb.ListStatus.Published ? $"[green]published[/] {s.PublishedAt?.ToDateTimeOffset():yyyy-MM-dd} by {Markup.Escape(s.PublishedBy)}" : "[yellow]draft[/]";
        o.MarkupLine($"[bold]EIG risk list {Markup.Escape(s.Month)}[/] ({status}) · {s.SchoolCount} schools · threshold {s.Threshold} · model {Markup.Escape(s.PriorityModelVersion)}");
        o.MarkupLine("Bands: " + string.Join(", ", s.Bands.Select(b => $"{Markup.Escape(b.Band)} {b.Count}")) + " · Movement: "
                     + string.Join(", ", s.Movements.Select(m => $"{m.Movement.ToString().ToLowerInvariant()} {m.Count}")));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("URN").AddColumn("School").AddColumn(new TableColumn("Priority").RightAligned())
            .AddColumn("Band").AddColumn("Movement").AddColumn("Main reasons").AddColumn("Owner").AddColumn("Last month");
        foreach (var e in list.Entries)
        {
            var colour = e.Band switch { "High" => "red", "Elevated" => "darkorange", _ => "yellow" };
            table.AddRow(
                e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(e.SchoolName), $"[bold]{e.Priority}[/]", $"[{colour}]{Markup.Escape(e.Band)}[/]", Markup.Escape(RiskListSheet.Movement(e)),
                Markup.Escape(string.Join("\n", e.Reasons.Take(2).Select(r => Shorten(r.Text, 90)))), Markup.Escape(e.OwnerOrganisation),
                Markup.Escape(string.Join("\n", e.LastMonthActions.Select(RiskListSheet.Action))));
        }
        o.Write(table);
        if (list.Left.Count > 0)
        {
            var left = new Table().Border(TableBorder.Simple).Title("Left the list since last month").AddColumn("URN").AddColumn("School").AddColumn("Was").AddColumn("Now").AddColumn("Why");
            foreach (var l in list.Left)
                left.AddRow(l.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(l.SchoolName),
                    l.PreviousPriority.ToString(System.Globalization.CultureInfo.InvariantCulture), l.CurrentPriority.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(l.Reason));
            o.Write(left);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

using System.Diagnostics;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// Once the host has started (databases migrated, outboxes and consumers running): load the
/// demo year or the real open data on first run, build this month's draft and print where
/// everything is, the top of the list and how long start-up took.
/// </summary>
internal sealed class DemoStartup(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<DemoOptions> options, IOptions<HostingOptions> hosting,
    DemoSeeder seeder, OpenDataLoader openData, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        var o = options.Value;
        try
        {
            var loaded = o.OpenDataPath is not null
                ? await openData.LoadIfEmptyAsync(o, stoppingToken)
                : o.Seed && await seeder.SeedIfEmptyAsync(stoppingToken);

            using var scope = scopes.CreateScope();
            var month = RiskMonth.Containing(clock.GetUtcNow());
            var list = await scope.ServiceProvider.GetRequiredService<RiskListService>().GetAsync(month, stoppingToken);
            if (o.Banner) Banner(month, list, loaded);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C during the first run's load: what was committed stays; see docs/hub.md.
        }
    }

    /// <summary>Columns at which the table shows movement and three reasons without wrapping every row (80 is a redirected console's width).</summary>
    private const int WideConsole = 120;

    /// <summary>The top 15: on a narrow console only the main reason, and no movement column, so rows stay one or two lines.</summary>
    private static Table TopOfList(RiskMonth month, Hub.Domain.RiskList.MonthlyRiskList list, bool wide)
    {
        var bands = string.Join(", ", list.Entries.GroupBy(e => e.Band).Select(g => $"{g.Count()} {g.Key}"));
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{month.DisplayName}: {(list.Published ? "published" : "draft")} list, {list.Entries.Count} schools ({Markup.Escape(bands)}); top 15")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("URN").AddColumn("School").AddColumn(new TableColumn("Priority").RightAligned())
            .AddColumn("Band");
        if (wide)
            table.AddColumn("Movement");
        table.AddColumn(wide ? "Main reasons (points)" : "Main reason");
        foreach (var e in list.Entries.Take(15))
        {
            var row = new List<string> { $"{e.Rank}", $"{e.Urn}", Markup.Escape(e.SchoolName), $"[bold]{e.Priority}[/]", Markup.Escape(e.Band) };
            if (wide)
                row.Add(Markup.Escape(e.Movement + (e.PreviousPriority > 0 ? $" ({e.PreviousPriority})" : "")));
            var shown = wide ? 3 : 1;
            var reasons = string.Join(", ", e.Reasons.Take(shown).Select(r => FormattableString.Invariant($"{ReasonNames.Short(r.Code)} {r.Points:+0;-0}")));
            var more = e.Reasons.Count - shown;
            row.Add(Markup.Escape(wide || more <= 0 ? reasons : $"{reasons} ({more} more)"));
            table.AddRow(row.ToArray());
        }
        return table;
    }

    private void Banner(RiskMonth month, Hub.Domain.RiskList.MonthlyRiskList list, bool loaded)
    {
        var h = hosting.Value;
        var web = h.WebUrl?.TrimEnd('/');
        var console = AnsiConsole.Console;
        console.Write(new Rule("[bold]EducationHub[/] is running").LeftJustified());
        console.MarkupLine($"gRPC (every service):  {Markup.Escape(h.GrpcUrl)}");
        if (web is not null)
        {
            console.MarkupLine($"EIG dashboard:         {Markup.Escape(web)}/hub");
            console.MarkupLine($"Whistleblowing portal: {Markup.Escape(web)}/report");
            console.MarkupLine($"Health:                {Markup.Escape(web)}/healthz");
        }
        console.MarkupLine("CLI:                   dotnet run --project services/Cli -- risk-list");
        console.MarkupLine("                       (a partner token for gRPC tools: ... -- token)");
        console.Write(TopOfList(month, list, wide: console.Profile.Width >= WideConsole));
        using var process = Process.GetCurrentProcess();
        var ready = (DateTime.Now - process.StartTime).TotalSeconds;
        // CPU time as well as wall time: on a shared, overloaded machine the wall time says more about the neighbours.
        console.MarkupLine($"Ready {ready:0.0} s after the process started ({process.TotalProcessorTime.TotalSeconds:0.0} s CPU{(loaded ? "; first run, data loaded" : "")}). Press [bold]Ctrl+C[/] to stop.");
    }
}

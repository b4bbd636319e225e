using System.Diagnostics;
using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
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
        console.MarkupLine("CLI:                   dotnet run --project services/Cli -- risk-list   (a token: ... -- token)");
        var bands = string.Join(", ", list.Entries.GroupBy(e => e.Band).Select(g => $"{g.Count()} {g.Key}"));
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{month.DisplayName}: {(list.Published ? "published" : "draft")} list, {list.Entries.Count} schools ({Markup.Escape(bands)}); top 15")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("URN").AddColumn("School").AddColumn(new TableColumn("Priority").RightAligned())
            .AddColumn("Band").AddColumn("Movement").AddColumn("Main reasons (points)");
        foreach (var e in list.Entries.Take(15))
            table.AddRow($"{e.Rank}", $"{e.Urn}", Markup.Escape(e.SchoolName), $"[bold]{e.Priority}[/]", Markup.Escape(e.Band),
                Markup.Escape(e.Movement + (e.PreviousPriority > 0 ? $" ({e.PreviousPriority})" : "")),
                Markup.Escape(string.Join(", ", e.Reasons.Take(3).Select(r => FormattableString.Invariant($"{r.Code} {r.Points:0}")))));
        console.Write(table);
        using var process = Process.GetCurrentProcess();
        var ready = (DateTime.Now - process.StartTime).TotalSeconds;
        // CPU time as well as wall time: on a shared, overloaded machine the wall time says more about the neighbours.
        console.MarkupLine($"Ready {ready:0.0} s after the process started ({process.TotalProcessorTime.TotalSeconds:0.0} s CPU{(loaded ? "; first run, data loaded" : "")}). Press [bold]Ctrl+C[/] to stop.");
    }
}

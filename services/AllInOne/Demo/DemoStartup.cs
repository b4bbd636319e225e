using EducationHub.Hub.Application;
using EducationHub.Hub.Domain;
using EducationHub.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// Once the host has started (databases migrated): seed on first run, build this month's draft
/// and print where everything is and the top of the list.
/// </summary>
internal sealed class DemoStartup(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<DemoOptions> options, IOptions<HostingOptions> hosting,
    TimeProvider clock, ILoggerFactory loggers) : BackgroundService
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
        var logger = loggers.CreateLogger<DemoSeeder>();
        if (o.OpenDataPath is not null) DemoLog.OpenDataNotImported(logger, o.OpenDataPath);
        else if (o.Seed) await new DemoSeeder(scopes, clock, logger).SeedIfEmptyAsync(stoppingToken);

        using var scope = scopes.CreateScope();
        var month = RiskMonth.Containing(clock.GetUtcNow());
        var list = await scope.ServiceProvider.GetRequiredService<RiskListService>().GetAsync(month, stoppingToken);
        if (o.Banner) Banner(month, list);
    }

    private void Banner(RiskMonth month, Hub.Domain.RiskList.MonthlyRiskList list)
    {
        var h = hosting.Value;
        var web = h.WebUrl?.TrimEnd('/');
        var console = AnsiConsole.Console;
        console.Write(new Rule("[bold]EducationHub[/] is running").LeftJustified());
        console.MarkupLine($"gRPC (every service):  [link]{Markup.Escape(h.GrpcUrl)}[/]");
        if (web is not null)
        {
            console.MarkupLine($"EIG dashboard:         [link]{Markup.Escape(web)}/hub[/]");
            console.MarkupLine($"Whistleblowing portal: [link]{Markup.Escape(web)}/report[/]");
            console.MarkupLine($"Health:                {Markup.Escape(web)}/healthz");
        }
        console.MarkupLine("CLI:                   dotnet run --project services/Cli -- risk-list   (token: ... -- token)");
        var table = new Table().Border(TableBorder.Rounded).Title($"{month.DisplayName}: {(list.Published ? "published" : "draft")} list, {list.Entries.Count} schools (top 15)")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("URN").AddColumn("School").AddColumn(new TableColumn("Priority").RightAligned())
            .AddColumn("Band").AddColumn("Movement").AddColumn("Main reason");
        foreach (var e in list.Entries.Take(15))
            table.AddRow($"{e.Rank}", $"{e.Urn}", Markup.Escape(e.SchoolName), $"[bold]{e.Priority}[/]", Markup.Escape(e.Band),
                Markup.Escape(e.Movement + (e.PreviousPriority > 0 ? $" (was {e.PreviousPriority})" : "")),
                Markup.Escape(e.Reasons.Count > 0 ? Shorten(e.Reasons[0].Text) : ""));
        console.Write(table);
        console.MarkupLine("Press [bold]Ctrl+C[/] to stop.");
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..79] + "…";
}

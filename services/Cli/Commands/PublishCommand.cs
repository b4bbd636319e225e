using System.CommandLine;
using System.CommandLine.Invocation;
using Spectre.Console;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub publish --month 2026-11`: freeze the month's list as the group will see it.</summary>
public static class PublishCommand
{
    public static Command Create(Func<InvocationContext, CliContext> context)
    {
        var month = new Option<string>("--month", Months.Current, "Month to publish, YYYY-MM.");
        var command = new Command("publish", "Publish the month's list as an immutable snapshot.") { month };
        command.SetHandler(async ic =>
        {
            var cli = context(ic);
            var m = ic.ParseResult.GetValueForOption(month)!;
            ic.ExitCode = await ServerErrors.GuardAsync(cli, async () =>
            {
                Pb.RiskListSummary s = null!;
                await cli.Err.Status().StartAsync($"Publishing {m}...", async _ => s = await cli.Hub().PublishMonthAsync(new Pb.PublishMonthRequest { Month = m }));
                cli.Out.MarkupLine($"Published {Markup.Escape(s.Month)}: {s.SchoolCount} schools, snapshot {Markup.Escape(s.SnapshotId)}, model {Markup.Escape(s.PriorityModelVersion)}, inputs up to {s.InputsCutOff.ToDateTimeOffset():u}.");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}

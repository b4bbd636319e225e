using System.CommandLine;
using System.CommandLine.Invocation;
using Spectre.Console;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub outcome --month 2026-11 --urn 123456 --status done|not-done [--note "..."]`: whether the agreed action was done.</summary>
public static class OutcomeCommand
{
    public static Command Create(Func<InvocationContext, CliContext> context)
    {
        var month = new Option<string>("--month", Months.Current, "Month of the meeting that made the decision, YYYY-MM.");
        var urn = new Option<int>("--urn", "The school's URN.") { IsRequired = true };
        var status = new Option<string>("--status", "Whether the agreed action was done.") { IsRequired = true }.FromAmong("done", "not-done");
        var note = new Option<string>("--note", () => "", "What was done, or why not, in a sentence.");
        var command = new Command("outcome", "Record whether the action agreed for a school was done; an outcome recorded before is kept in its history.") { month, urn, status, note };
        command.SetHandler(async ic =>
        {
            var cli = context(ic);
            var request = new Pb.RecordActionOutcomeRequest
            {
                Month = ic.ParseResult.GetValueForOption(month)!,
                Urn = ic.ParseResult.GetValueForOption(urn),
                Done = ic.ParseResult.GetValueForOption(status) == "done",
                Note = ic.ParseResult.GetValueForOption(note) ?? "",
            };
            ic.ExitCode = await ServerErrors.GuardAsync(cli, async () =>
            {
                var d = await cli.Hub().RecordActionOutcomeAsync(request);
                var done = d.Done ? "[bold]done[/]" : "[bold]not done[/]";
                cli.Out.MarkupLine($"Recorded for URN {d.Urn} in {Markup.Escape(d.Month)}: {Markup.Escape(Hub.Export.RiskListSheet.DecisionName(d.Decision_))} {done}{(d.DoneNote.Length > 0 ? ": " + Markup.Escape(d.DoneNote) : "")} (by {Markup.Escape(d.DoneRecordedBy)}).");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}

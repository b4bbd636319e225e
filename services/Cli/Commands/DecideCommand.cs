using System.CommandLine;
using System.CommandLine.Invocation;
using Spectre.Console;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub decide --month 2026-11 --urn 123456 --decision support-package --owner "School improvement partner" --due 2026-12-15 [--action "..."]`.</summary>
public static class DecideCommand
{
    private static readonly Dictionary<string, Pb.DecisionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monitor"] = Pb.DecisionKind.Monitor,
        ["support-package"] = Pb.DecisionKind.SupportPackage,
        ["warning-notice"] = Pb.DecisionKind.WarningNotice,
        ["refer-ofsted"] = Pb.DecisionKind.ReferOfsted,
        ["refer-rsc"] = Pb.DecisionKind.ReferRsc,
        ["remove"] = Pb.DecisionKind.Remove,
    };

    public static Command Create(Func<InvocationContext, CliContext> context)
    {
        var month = new Option<string>("--month", Months.Current, "Month of the meeting, YYYY-MM.");
        var urn = new Option<int>("--urn", "The school's URN.") { IsRequired = true };
        var decision = new Option<string>("--decision", "What the group decided.") { IsRequired = true }.FromAmong([.. Kinds.Keys]);
        var owner = new Option<string>("--owner", "Who owns the action: council, school improvement partner, Ofsted, RSC.") { IsRequired = true };
        var due = new Option<string>("--due", "Due date, YYYY-MM-DD.") { IsRequired = true };
        var action = new Option<string>("--action", () => "", "What was agreed, in a sentence.");
        var command = new Command("decide", "Record the group's decision for a school; it shows on next month's list.") { month, urn, decision, owner, due, action };
        command.SetHandler(async ic =>
        {
            var cli = context(ic);
            var request = new Pb.RecordDecisionRequest
            {
                Month = ic.ParseResult.GetValueForOption(month)!,
                Urn = ic.ParseResult.GetValueForOption(urn),
                Decision = Kinds[ic.ParseResult.GetValueForOption(decision)!],
                OwnerOrganisation = ic.ParseResult.GetValueForOption(owner)!,
                DueOn = ic.ParseResult.GetValueForOption(due)!,
                Action = ic.ParseResult.GetValueForOption(action) ?? "",
            };
            ic.ExitCode = await ServerErrors.GuardAsync(cli, async () =>
            {
                var d = await cli.Hub().RecordDecisionAsync(request);
                cli.Out.MarkupLine($"Recorded for URN {d.Urn} in {Markup.Escape(d.Month)}: [bold]{Markup.Escape(Hub.Export.RiskListSheet.DecisionName(d.Decision_))}[/], owner {Markup.Escape(d.OwnerOrganisation)}, due {Markup.Escape(d.DueOn)} (by {Markup.Escape(d.RecordedBy)}).");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}

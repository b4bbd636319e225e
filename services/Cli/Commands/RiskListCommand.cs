using System.CommandLine;
using System.CommandLine.Invocation;
using EducationHub.Cli.Output;
using EducationHub.Hub.Export;
using Google.Protobuf;
using Spectre.Console;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub risk-list --month 2026-11 [--la 330] [--band High] [--movement new] [--format table|csv|json|xlsx] [--output file]`.</summary>
public static class RiskListCommand
{
    public static Command Create(Func<InvocationContext, CliContext> context)
    {
        var month = new Option<string>("--month", Months.Current, "Month, YYYY-MM (default: this month in London).");
        var la = new Option<string?>("--la", "Only this local authority code, e.g. 330.");
        var band = new Option<string?>("--band", "Only this band, e.g. High.");
        var movement = new Option<string?>("--movement", "Only new|up|down|unchanged.").FromAmong("new", "up", "down", "unchanged");
        var format = new Option<string>("--format", () => "table", "Output format.").FromAmong("table", "csv", "json", "xlsx");
        var output = new Option<FileInfo?>("--output", "Write to this file instead of the terminal (required for xlsx unless the default name is fine).");
        var command = new Command("risk-list", "The month's EIG risk list: priority, band, reasons, movement, support, owner, last month's actions.")
        {
            month, la, band, movement, format, output,
        };
        command.SetHandler(async ic =>
        {
            var cli = context(ic);
            var m = ic.ParseResult.GetValueForOption(month)!;
            if (!Months.IsMonth(m)) { ic.ExitCode = ServerErrors.Usage(cli, $"--month must be YYYY-MM, not '{m}'."); return; }
            var request = new Pb.GetRiskListRequest
            {
                Month = m,
                Filter = new Pb.ListFilter
                {
                    LaCode = ic.ParseResult.GetValueForOption(la) ?? "",
                    Band = ic.ParseResult.GetValueForOption(band) ?? "",
                    Movement = ic.ParseResult.GetValueForOption(movement) switch
                    {
                        "new" => Pb.Movement.New, "up" => Pb.Movement.Up, "down" => Pb.Movement.Down, "unchanged" => Pb.Movement.Unchanged, _ => Pb.Movement.Unspecified,
                    },
                },
            };
            var fmt = ic.ParseResult.GetValueForOption(format)!;
            var file = ic.ParseResult.GetValueForOption(output);
            ic.ExitCode = await ServerErrors.GuardAsync(cli, async () =>
            {
                Pb.RiskList list = null!;
                await cli.Err.Status().StartAsync($"Fetching the {m} list from {cli.Server}...", async _ => list = await cli.Hub().GetRiskListAsync(request));
                return Write(cli, list, fmt, file);
            });
        });
        return command;
    }

    private static int Write(CliContext cli, Pb.RiskList list, string format, FileInfo? file)
    {
        switch (format)
        {
            case "table" when file is null:
                RiskListTable.Write(cli.Out, list);
                return ExitCodes.Ok;
            case "json":
                var json = JsonFormatter.Default.Format(list);
                if (file is null) cli.RawOut.WriteLine(json); else File.WriteAllText(file.FullName, json);
                break;
            case "xlsx":
                file ??= new FileInfo($"eig-risk-list-{list.Summary.Month}{(list.Summary.Status == Pb.ListStatus.Published ? "" : "-draft")}.xlsx");
                using (var stream = File.Create(file.FullName)) XlsxWriter.Write(stream, RiskListSheet.Build(list.Summary, list.Entries));
                break;
            default: // csv, or a table written to a file as CSV
                var sheet = RiskListSheet.Build(list.Summary, list.Entries);
                if (file is null)
                {
                    using var buffer = new MemoryStream();
                    CsvWriter.Write(buffer, sheet);
                    cli.RawOut.Write(new System.Text.UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                }
                else
                {
                    using var stream = File.Create(file.FullName);
                    CsvWriter.Write(stream, sheet);
                }
                break;
        }
        if (file is not null)
            cli.Err.MarkupLine($"Wrote {list.Entries.Count} schools to [green]{Markup.Escape(file.FullName)}[/]");
        return ExitCodes.Ok;
    }
}

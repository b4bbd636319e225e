using EducationHub.SchoolRisk.Application.Cli;

// Command-line tools share the binary; everything else is the distributed SchoolRisk service host.
if (BacktestCommand.Handles(args))
{
    return BacktestCommand.Run(args, Console.Out, Console.Error);
}
if (ImportCommand.Handles(args))
{
    return await ImportCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SchoolRiskModule.ServiceName);
builder.AddSchoolRisk();
var app = builder.Build();
app.MapServiceDefaults();
app.MapSchoolRisk();
await app.RunAsync();
return 0;

public partial class Program;

using EducationHub.SchoolRisk.Application.Backtest;

// Command-line tools share the binary; everything else is the distributed SchoolRisk service host.
if (BacktestCommand.Handles(args))
{
    return BacktestCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SchoolRiskModule.ServiceName);
builder.AddSchoolRisk();
var app = builder.Build();
app.MapServiceDefaults();
app.MapSchoolRisk();
app.Run();
return 0;

public partial class Program;

using EducationHub.SchoolRisk.Application.Backtest;

if (BacktestCommand.Handles(args))
{
    return BacktestCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
return 0;

public partial class Program;

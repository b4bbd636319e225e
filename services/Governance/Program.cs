using EducationHub.Governance;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("governance");
builder.AddGovernance();
var app = builder.Build();
app.MapServiceDefaults();
app.MapGovernance();
app.Run();

public partial class Program;

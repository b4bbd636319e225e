using EducationHub.Hub;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("hub");
builder.AddHub();
var app = builder.Build();
app.MapServiceDefaults();
app.MapHub();
app.Run();

public partial class Program;

using EducationHub.Complaints;
using EducationHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ComplaintsModule.ServiceName);
builder.AddComplaints();

var app = builder.Build();
app.MapServiceDefaults();
app.MapComplaints();
app.Run();

public partial class Program;

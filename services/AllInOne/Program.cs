using EducationHub.AllInOne;
using EducationHub.AllInOne.Demo;
using EducationHub.Complaints;
using EducationHub.Governance;
using EducationHub.Hub;
using EducationHub.Whistleblowing;

// The embedded default: every service module in one process, SQLite under ./data, in-memory bus,
// development tokens; demo data on first run. See docs/hub.md.
var builder = WebApplication.CreateBuilder(AllInOneConfiguration.Options(args)).UseAllInOneDefaults();
builder.AddServiceDefaults("allinone");
builder.AddDemoClock(); // before the modules: they register the system clocks only when none is registered
builder.AddSchoolRisk();
builder.AddGovernance();
builder.AddWhistleblowing();
builder.AddComplaints();
builder.AddHub();
if (builder.Configuration.GetValue<bool>("Auth:DevelopmentTokens"))
    builder.Services.AddSingleton<EducationHub.WhistleblowingPortal.IPortalServiceToken, DevPortalToken>();
builder.AddWhistleblowingPortal();
builder.AddHubCatchUpOnShutdown(); // after the modules: it must stop before their outboxes and the bus
builder.AddDemo(args);

var app = builder.Build();
app.MapServiceDefaults();
app.MapSchoolRisk();
app.MapGovernance();
app.MapWhistleblowing();
app.MapComplaints();
app.MapHub();
app.MapWhistleblowingPortal();
app.Run();

public partial class Program;

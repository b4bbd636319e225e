using EducationHub.WhistleblowingPortal.Security;

// The public whistleblowing portal in its own process. Deliberately not AddServiceDefaults: the
// portal needs no partner auth, database or bus, and must not log requests (see docs/whistleblowing.md).
if (args is [PortalKeyRing.Command, .. var keyRingArgs])
{
    return PortalKeyRing.Run(keyRingArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// No request, connection or hosting diagnostics: these can carry addresses, agents and paths.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.Connections", LogLevel.None);
builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// Antiforgery warns on every form page that it set no-cache headers (we already send no-store).
builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.Error);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

builder.AddWhistleblowingPortal();
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapWhistleblowingPortal();
app.Run();
return 0;

public partial class Program;

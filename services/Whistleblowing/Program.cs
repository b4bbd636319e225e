using EducationHub.Whistleblowing;
using EducationHub.Whistleblowing.Application;

// `EducationHub.Whistleblowing rewrap-keys` re-wraps every case's data key under the active
// master key (see docs/whistleblowing.md, "Key rotation") and exits; otherwise run the service.
var rewrap = args.Length > 0 && args[0] == "rewrap-keys";
var builder = WebApplication.CreateBuilder(rewrap ? args[1..] : args);
builder.AddServiceDefaults("whistleblowing");
builder.AddWhistleblowing();
var app = builder.Build();

if (rewrap)
{
    await using var scope = app.Services.CreateAsyncScope();
    var rotation = scope.ServiceProvider.GetRequiredService<KeyRotationService>();
    var count = await rotation.RewrapAllAsync(CancellationToken.None);
    var remaining = await rotation.CountNotUnderActiveKeyAsync(CancellationToken.None);
    Console.WriteLine($"Re-wrapped {count} case data keys; {remaining} remain under other master keys.");
    return remaining == 0 ? 0 : 1;
}

app.MapServiceDefaults();
app.MapWhistleblowing();
app.Run();
return 0;

public partial class Program;

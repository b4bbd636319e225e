using Microsoft.Extensions.Configuration.Json;

namespace EducationHub.AllInOne;

/// <summary>
/// `dotnet run --project services/AllInOne` runs with the repository root as working directory
/// (so ./data is there), where the project's appsettings.json is not. Load the copy next to the
/// executable as the lowest-precedence source: environment variables and arguments still win.
/// </summary>
internal static class AllInOneConfiguration
{
    /// <summary>
    /// The one-command run is a developer/demo run: without an explicit environment it is
    /// Development (development tokens are refused in Production by the auth start-up check).
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                          ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                          ?? Environments.Development,
    };

    public static WebApplicationBuilder UseAllInOneDefaults(this WebApplicationBuilder builder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(path) && !File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            var source = new JsonConfigurationSource { Path = path, Optional = true };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, source);
        }
        return builder;
    }
}

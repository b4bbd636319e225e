using EducationHub.Testing.Grpc;
using EducationHub.Testing.Infrastructure;

namespace EducationHub.Bench.Tests;

/// <summary>
/// Runs a built benchmark program (built with this project: see the csproj) against the test
/// servers. Builds land in the project's own bin/, or under /tmp/ehub-build/SLOT/ when
/// EHUB_BUILD_SLOT is set; whichever was built last is run, in this project's configuration.
/// </summary>
public static class BenchProgram
{
    public static Task<PeerResult> RunAsync(string projectDirectory, string assembly, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            // The names bench/*/run.sh export (deploy/local/lib-infra.sh), pointed at the test servers.
            ["EHUB_RABBITMQ_URL"] = TestInfrastructure.RabbitMqUrl,
            ["EHUB_POSTGRES"] = TestInfrastructure.PostgresServer,
        };
        return PeerProcess.RunAsync("dotnet", [Locate(projectDirectory, assembly), .. arguments], timeout, environment: environment);
    }

    private static string Locate(string projectDirectory, string assembly)
    {
        // This assembly runs from .../bin/<configuration>/<framework>/.
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (own.Name, own.Parent!.Name);
        var candidates = new List<string> { RepositoryPaths.Combine(projectDirectory, "bin", configuration, framework, assembly + ".dll") };
        if (Environment.GetEnvironmentVariable("EHUB_BUILD_SLOT") is { Length: > 0 } slot)
            candidates.Add(Path.Combine("/tmp/ehub-build", slot, assembly, "bin", configuration, framework, assembly + ".dll"));
        return candidates.Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException($"{assembly} is not built (looked for {string.Join(", ", candidates)}): build this test project first");
    }
}

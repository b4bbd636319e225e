using System.Runtime.CompilerServices;

namespace EducationHub.Testing.Grpc;

/// <summary>
/// Finds the repository checkout, where the peer scripts (tests/python, tests/node) and protos
/// live. Test binaries may be built out of tree (EHUB_BUILD_SLOT puts them under /tmp), so
/// walking up from the binary is not enough: the compile-time source path is the fallback.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory holding EducationHub.sln (override with EHUB_REPO_ROOT).</summary>
    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EHUB_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EducationHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (EducationHub.sln); set EHUB_REPO_ROOT.");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "/";
}

using EducationHub.Testing.Grpc;

namespace EducationHub.SchoolRisk.Tests.Support;

/// <summary>The real DfE/Ofsted open data (never committed): EHUB_SHARED_DATA, or ../shared/data beside the checkout.</summary>
public static class SharedData
{
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("EHUB_SHARED_DATA");
            var path = string.IsNullOrWhiteSpace(configured)
                ? Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data"))
                : configured;
            return Directory.Exists(path)
                ? path
                : throw new InvalidOperationException($"The shared open data is not at {path}: set EHUB_SHARED_DATA to the shared/data folder.");
        }
    }

    public static string OpenData => Path.Combine(Root, "open-schools-data");

    public static string File(string name) => Path.Combine(OpenData, name);

    public static string GiasSample => Path.Combine(Root, "gias", "edubase_sample.csv");
}

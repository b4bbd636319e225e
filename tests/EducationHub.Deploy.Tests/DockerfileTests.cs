using System.Text.RegularExpressions;
using System.Xml.Linq;
using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Deploy.Tests;

/// <summary>
/// No Docker engine runs here, so the Dockerfiles are checked by reading them: each service has
/// one, multi-stage, non-root, with the service's own assembly as entry point, the ports the
/// manifests use, and every project it builds from copied into the build stage.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Deployments => [.. ServiceModules.Folders.Keys];

    [Theory]
    [MemberData(nameof(Deployments))]
    public async Task Each_service_has_a_correct_Dockerfile(string deployment)
    {
        var folder = ServiceModules.Folders[deployment];
        var dockerfile = RepositoryPaths.Combine("services", folder, "Dockerfile");
        Assert.True(File.Exists(dockerfile), $"services/{folder}/Dockerfile is missing");
        var text = await File.ReadAllTextAsync(dockerfile);

        var project = Directory.GetFiles(RepositoryPaths.Combine("services", folder), "*.csproj").Single();
        var assembly = AssemblyName(project);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", text);
        Assert.Equal(2, FromLine().Count(text));
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0", text);
        var user = UserLine().Match(text);
        Assert.True(user.Success && user.Groups[1].Value != "0" && user.Groups[1].Value != "root", "the runtime stage must run as a non-root user");
        Assert.Contains("HEALTHCHECK", text);

        var exposed = ExposeLine().Match(text).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var docs = await RenderedManifests.DocumentsAsync("production");
        var manifestPorts = docs.Single(d => d.Kind() == "Deployment" && d.Name() == deployment).Container().ContainerPorts();
        Assert.Equal(manifestPorts.ToHashSet(), exposed);

        var copied = CopyLine().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('/')).ToList();
        foreach (var reference in ProjectClosure(project))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(reference)!).Replace('\\', '/');
            Assert.True(copied.Any(c => relative == c || relative.StartsWith(c + "/", StringComparison.Ordinal)),
                $"{relative} is built by {folder} but not copied into the build stage");
        }
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current)) continue;
            foreach (var include in XDocument.Load(current).Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include")).OfType<string>())
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
        }
        return seen;
    }

    [GeneratedRegex(@"(?m)^FROM ")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"(?m)^USER (\w+)")]
    private static partial Regex UserLine();

    [GeneratedRegex(@"(?m)^EXPOSE ([\d ]+)$")]
    private static partial Regex ExposeLine();

    [GeneratedRegex(@"(?m)^COPY (?!--from)(?:\S+ )*?(\S+/) \S+/?$")]
    private static partial Regex CopyLine();
}

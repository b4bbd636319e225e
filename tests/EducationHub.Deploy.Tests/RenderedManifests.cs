using EducationHub.Testing.Grpc;
using YamlDotNet.RepresentationModel;

namespace EducationHub.Deploy.Tests;

/// <summary>Renders a kustomize overlay with kubectl (offline) and parses the documents.</summary>
internal static class RenderedManifests
{
    public static readonly string[] Overlays = ["dev", "production"];

    public static string K8sDirectory => RepositoryPaths.Combine("deploy", "k8s");

    public static async Task<PeerResult> RenderAsync(string overlay) =>
        await PeerProcess.RunAsync("kubectl", ["kustomize", Path.Combine(K8sDirectory, "overlays", overlay)], TimeSpan.FromSeconds(60));

    /// <summary>Renders and writes the result to a temp file (for the schema validator).</summary>
    public static async Task<string> RenderToFileAsync(string overlay)
    {
        var rendered = await RenderAsync(overlay);
        if (rendered.ExitCode != 0) throw new InvalidOperationException(rendered.Describe());
        var path = Path.Combine(Path.GetTempPath(), $"ehub-k8s-{overlay}-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, rendered.Stdout);
        return path;
    }

    public static async Task<IReadOnlyList<YamlMappingNode>> DocumentsAsync(string overlay)
    {
        var rendered = await RenderAsync(overlay);
        if (rendered.ExitCode != 0) throw new InvalidOperationException(rendered.Describe());
        var stream = new YamlStream();
        stream.Load(new StringReader(rendered.Stdout));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    public static string Kind(this YamlMappingNode doc) => doc.Scalar("kind");

    public static string Name(this YamlMappingNode doc) => ((YamlMappingNode)doc["metadata"]).Scalar("name");

    public static string Scalar(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value ?? "" : "";

    public static YamlNode? At(this YamlNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            if (current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var next)) current = next;
            else return null;
        }
        return current;
    }

    public static YamlMappingNode Container(this YamlMappingNode deployment) =>
        (YamlMappingNode)((YamlSequenceNode)deployment.At("spec", "template", "spec", "containers")!).Children[0];

    public static IReadOnlyDictionary<string, YamlMappingNode> Env(this YamlMappingNode container) =>
        container.At("env") is YamlSequenceNode env
            ? env.Children.OfType<YamlMappingNode>().ToDictionary(e => e.Scalar("name"), e => e)
            : new Dictionary<string, YamlMappingNode>();

    /// <summary>The ConfigMaps a container takes whole (<c>envFrom</c>), by name.</summary>
    public static IReadOnlyList<string> EnvFromConfigMaps(this YamlMappingNode container) =>
        container.At("envFrom") is YamlSequenceNode sources
            ? [.. sources.Children.OfType<YamlMappingNode>().Select(s => s.At("configMapRef") as YamlMappingNode).OfType<YamlMappingNode>().Select(r => r.Scalar("name"))]
            : [];

    /// <summary>A ConfigMap's data, key by key.</summary>
    public static IReadOnlyDictionary<string, string> ConfigMapData(this IEnumerable<YamlMappingNode> docs, string name) =>
        docs.Single(d => d.Kind() == "ConfigMap" && d.Name() == name).At("data") is YamlMappingNode data
            ? data.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "")
            : new Dictionary<string, string>();

    public static IReadOnlyList<int> ContainerPorts(this YamlMappingNode container) =>
        container.At("ports") is YamlSequenceNode ports
            ? [.. ports.Children.OfType<YamlMappingNode>().Select(p => int.Parse(p.Scalar("containerPort"), System.Globalization.CultureInfo.InvariantCulture))]
            : [];
}

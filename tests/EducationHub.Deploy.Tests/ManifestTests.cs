using EducationHub.Testing.Grpc;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace EducationHub.Deploy.Tests;

public sealed class ManifestTests
{
    public static readonly string[] Services = ["schoolrisk", "governance", "whistleblowing", "complaints", "hub", "portal"];
    public static readonly string[] GrpcServices = ["schoolrisk", "governance", "whistleblowing", "complaints", "hub"];

    public static TheoryData<string> Overlays => [.. RenderedManifests.Overlays];

    public static TheoryData<string, string> OverlaysAndWebServices()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in RenderedManifests.Overlays)
        {
            data.Add(overlay, "hub");
            data.Add(overlay, "portal");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Overlay_renders_every_part_of_the_system(string overlay)
    {
        var docs = await RenderedManifests.DocumentsAsync(overlay);
        bool Has(string kind, string name) => docs.Any(d => d.Kind() == kind && d.Name() == name);

        foreach (var service in Services)
        {
            Assert.True(Has("Deployment", service), $"{overlay}: Deployment {service}");
            Assert.True(Has("Service", service), $"{overlay}: Service {service}");
            Assert.True(Has("HorizontalPodAutoscaler", service), $"{overlay}: HPA {service}");
            Assert.True(Has("PodDisruptionBudget", service), $"{overlay}: PDB {service}");
        }
        Assert.Single(docs, d => d.Kind() == "Namespace");
        Assert.True(Has("RabbitmqCluster", "rabbitmq"));
        Assert.True(Has("Cluster", "postgres"));
        Assert.True(Has("Deployment", "otel-collector"));
        Assert.True(Has("Ingress", "web"));
        Assert.True(docs.Count(d => d.Kind() == "NetworkPolicy") >= 5);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Rendered_objects_validate_against_the_Kubernetes_schemas(string overlay)
    {
        var file = await RenderedManifests.RenderToFileAsync(overlay);
        try
        {
            var result = await GrpcPeers.RunNodeAsync("validate_k8s.mjs", [file], TimeSpan.FromSeconds(120));
            Assert.True(result.ExitCode == 0, result.Describe());
            Assert.Matches(@"^\d+ objects valid", result.Stdout.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_schema_validator_rejects_an_invalid_object()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ehub-k8s-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: \"two\"\n");
        try
        {
            var result = await GrpcPeers.RunNodeAsync("validate_k8s.mjs", [file], TimeSpan.FromSeconds(120));
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Deployment x", result.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Yamllint_passes_on_every_manifest()
    {
        var result = await PeerProcess.RunAsync("yamllint", ["-c", Path.Combine(RenderedManifests.K8sDirectory, ".yamllint.yaml"), RenderedManifests.K8sDirectory], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Services_use_native_grpc_probes_and_run_locked_down(string overlay)
    {
        var docs = await RenderedManifests.DocumentsAsync(overlay);
        foreach (var deployment in docs.Where(d => d.Kind() == "Deployment" && Services.Contains(d.Name())))
        {
            var name = deployment.Name();
            var container = deployment.Container();
            if (GrpcServices.Contains(name))
            {
                Assert.Contains(5000, container.ContainerPorts());
                Assert.Equal("5000", ((YamlMappingNode)container.At("livenessProbe", "grpc")!).Scalar("port"));
                Assert.Equal("5000", ((YamlMappingNode)container.At("readinessProbe", "grpc")!).Scalar("port"));
            }
            var podSecurity = (YamlMappingNode)deployment.At("spec", "template", "spec", "securityContext")!;
            Assert.Equal("true", podSecurity.Scalar("runAsNonRoot"));
            var security = (YamlMappingNode)container.At("securityContext")!;
            Assert.Equal("true", security.Scalar("readOnlyRootFilesystem"));
            Assert.Equal("false", security.Scalar("allowPrivilegeEscalation"));
            Assert.NotNull(container.At("resources", "requests", "cpu"));
            Assert.NotNull(container.At("resources", "limits", "memory"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_public_ingress_routes_the_dashboard_but_not_the_health_endpoints(string overlay)
    {
        var docs = await RenderedManifests.DocumentsAsync(overlay);
        var routes = docs.Where(d => d.Kind() == "Ingress")
            .SelectMany(ingress => ((YamlSequenceNode)ingress.At("spec", "rules")!).Children.OfType<YamlMappingNode>())
            .SelectMany(rule => ((YamlSequenceNode)rule.At("http", "paths")!).Children.OfType<YamlMappingNode>()
                .Select(path => (Host: rule.Scalar("host"), Path: path.Scalar("path"), Type: path.Scalar("pathType"),
                    Backend: ((YamlMappingNode)path.At("backend", "service")!).Scalar("name"))))
            .ToList();

        // /readyz queries the database and the broker on every request: not for anonymous internet callers.
        foreach (var probe in new[] { "/healthz", "/readyz" })
            Assert.DoesNotContain(routes, route => Matches(route.Path, route.Type, probe));
        Assert.Contains(routes, route => route.Backend == "hub" && Matches(route.Path, route.Type, "/hub/risk-list"));
        Assert.Contains(routes, route => route.Backend == "hub" && Matches(route.Path, route.Type, "/hub/sign-in"));
    }

    [Theory]
    [MemberData(nameof(OverlaysAndWebServices))]
    public async Task The_web_services_behind_the_TLS_ingress_trust_forwarded_headers_from_the_ingress_only(string overlay, string service)
    {
        var docs = await RenderedManifests.DocumentsAsync(overlay);
        var env = docs.Single(d => d.Kind() == "Deployment" && d.Name() == service).Container().Env();

        // Without it the site sees http from the ingress, so its cookies (the dashboard's sign-in, a bearer token;
        // the portal's reporter session) are not Secure, and every portal reporter shares the ingress's rate limit.
        Assert.Equal("true", env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"].Scalar("value"));

        // Forwarded headers are trusted from any peer, so only the ingress controller may reach the web port.
        var webPolicies = docs.Where(d => d.Kind() == "NetworkPolicy" && d.At("spec", "ingress") is YamlSequenceNode
            && (d.At("spec", "podSelector", "matchExpressions") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .Any(e => e.Scalar("key") == "app.kubernetes.io/name" && ((YamlSequenceNode)e.At("values")!).Children.OfType<YamlScalarNode>().Any(v => v.Value == service)) == true)
            .Where(d => ((YamlSequenceNode)d.At("spec", "ingress")!).Children.OfType<YamlMappingNode>()
                .Any(rule => ((YamlSequenceNode)rule.At("ports")!).Children.OfType<YamlMappingNode>().Any(p => p.Scalar("port") == "5080")))
            .ToList();
        var rules = ((YamlSequenceNode)Assert.Single(webPolicies).At("spec", "ingress")!).Children.OfType<YamlMappingNode>().ToList();
        var from = Assert.Single(((YamlSequenceNode)Assert.Single(rules).At("from")!).Children.OfType<YamlMappingNode>());
        Assert.Equal("ingress-nginx", ((YamlMappingNode)from.At("namespaceSelector", "matchLabels")!).Scalar("kubernetes.io/metadata.name"));
    }

    /// <summary>Kubernetes Ingress path matching: Prefix matches whole path elements, Exact the whole path.</summary>
    private static bool Matches(string path, string pathType, string request) => pathType == "Exact"
        ? request == path
        : path == "/" || request == path.TrimEnd('/') || request.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_portal_replicas_read_one_key_ring_from_its_Secret_mounted_read_only(string overlay)
    {
        // Without a shared Data Protection key ring a form or session from one portal pod fails on the next
        // ("The form has expired"): the ingress has no sticky sessions and every rolling deploy replaces the pods.
        var docs = await RenderedManifests.DocumentsAsync(overlay);
        var portal = docs.Single(d => d.Kind() == "Deployment" && d.Name() == "portal");
        var container = portal.Container();
        var directory = container.Env()["Portal__DataProtection__KeyRingDirectory"].Scalar("value");
        Assert.StartsWith("/", directory, StringComparison.Ordinal);

        var mount = Assert.Single(((YamlSequenceNode)container.At("volumeMounts")!).Children.OfType<YamlMappingNode>(), m => m.Scalar("mountPath") == directory);
        Assert.Equal("true", mount.Scalar("readOnly"));
        var volume = Assert.Single(((YamlSequenceNode)portal.At("spec", "template", "spec", "volumes")!).Children.OfType<YamlMappingNode>(), v => v.Scalar("name") == mount.Scalar("name"));
        var secret = Assert.IsType<YamlMappingNode>(volume.At("secret"));
        Assert.Equal("educationhub-portal-key-ring", secret.Scalar("secretName"));
        Assert.NotEqual("true", secret.Scalar("optional")); // no keys, no pod: better than pods that fail every form
        Assert.Contains(docs, d => d.Kind() == "Secret" && d.Name() == "educationhub-portal-key-ring");
    }

    [Fact]
    public async Task The_portal_may_reach_only_the_whistleblowing_service()
    {
        var docs = await RenderedManifests.DocumentsAsync("production");
        var portalEgress = docs.Where(d => d.Kind() == "NetworkPolicy"
            && d.At("spec", "podSelector", "matchLabels") is YamlMappingNode labels && labels.Scalar("app.kubernetes.io/name") == "portal").ToList();
        var rule = Assert.Single(((YamlSequenceNode)Assert.Single(portalEgress).At("spec", "egress")!).Children.OfType<YamlMappingNode>());
        var peer = Assert.Single(((YamlSequenceNode)rule.At("to")!).Children.OfType<YamlMappingNode>());
        Assert.Equal("whistleblowing", ((YamlMappingNode)peer.At("podSelector", "matchLabels")!).Scalar("app.kubernetes.io/name"));

        // The portal is not a back-end tier pod, so the broker/database/collector policies exclude it.
        var portal = docs.Single(d => d.Kind() == "Deployment" && d.Name() == "portal");
        Assert.Equal("public", ((YamlMappingNode)portal.At("spec", "template", "metadata", "labels")!).Scalar("educationhub.io/tier"));
        Assert.DoesNotContain("ConnectionStrings__rabbitmq", portal.Container().Env().Keys);
    }
}

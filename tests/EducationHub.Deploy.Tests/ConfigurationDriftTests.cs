using System.Reflection;
using Microsoft.Extensions.Hosting;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace EducationHub.Deploy.Tests;

/// <summary>
/// Fails when the manifests and the code drift apart: every service module's database must be
/// configured in its Deployment, every configuration variable a manifest sets must exist in the
/// code's options, and each module must start its composition from exactly what its manifest gives it.
/// </summary>
public sealed class ConfigurationDriftTests
{
    private static readonly string[] PlatformVariables =
        ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "DOTNET_EnableDiagnostics"];

    public static TheoryData<string> Modules => [.. ServiceModules.ByDeployment.Keys];

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task Every_database_a_module_opens_is_configured_in_its_deployment(string deployment)
    {
        var env = await DeploymentEnvironment(deployment);
        using var app = BuildModule(deployment, env);

        var databases = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Select(r => r.Name).Where(n => n.StartsWith("database-", StringComparison.Ordinal)).Select(n => n["database-".Length..]).ToList();

        Assert.NotEmpty(databases);
        foreach (var database in databases)
            Assert.Contains($"ConnectionStrings__{database}", env.Keys);
        Assert.Equal("RabbitMq", env["Messaging__Transport"]);
        Assert.Contains("ConnectionStrings__rabbitmq", env.Keys);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task Deployment_ports_are_the_ports_the_service_listens_on(string deployment)
    {
        var env = await DeploymentEnvironment(deployment);
        using var app = BuildModule(deployment, env);
        var hosting = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;

        var docs = await RenderedManifests.DocumentsAsync("production");
        var ports = docs.Single(d => d.Kind() == "Deployment" && d.Name() == deployment).Container().ContainerPorts();
        Assert.Contains(new Uri(hosting.GrpcUrl).Port, ports);
        var service = docs.Single(d => d.Kind() == "Service" && d.Name() == deployment);
        var servicePorts = ((YamlSequenceNode)service.At("spec", "ports")!).Children.OfType<YamlMappingNode>().Select(p => p.Scalar("port"));
        Assert.Contains(new Uri(hosting.GrpcUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), servicePorts);
    }

    [Fact]
    public async Task Every_configuration_variable_in_the_manifests_exists_in_the_code()
    {
        var sections = OptionsSections();
        var docs = await RenderedManifests.DocumentsAsync("production");
        var unknown = new List<string>();
        foreach (var deployment in docs.Where(d => d.Kind() == "Deployment" && ServiceModules.Folders.ContainsKey(d.Name())))
        {
            var fromConfigMaps = deployment.Container().EnvFromConfigMaps().SelectMany(name => docs.ConfigMapData(name).Keys);
            foreach (var variable in deployment.Container().Env().Keys.Concat(fromConfigMaps))
            {
                if (PlatformVariables.Contains(variable) || variable.StartsWith("ConnectionStrings__", StringComparison.Ordinal)) continue;
                var path = variable.Split("__");
                if (!sections.TryGetValue(path[0], out var type) || !Binds(type, path[1..]))
                    unknown.Add($"{deployment.Name()}: {variable}");
            }
        }
        Assert.True(unknown.Count == 0, "Variables set in the manifests that no options class reads: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task Every_service_names_organisations_from_the_one_shared_ConfigMap(string deployment)
    {
        var docs = await RenderedManifests.DocumentsAsync("production");
        var container = docs.Single(d => d.Kind() == "Deployment" && d.Name() == deployment).Container();
        Assert.Contains(OrganisationsConfigMap, container.EnvFromConfigMaps());
        // A name set on one Deployment alone would make that service word a partner differently from the rest.
        Assert.DoesNotContain(container.Env().Keys, k => k.StartsWith(OrganisationNames.SectionName + "__", StringComparison.OrdinalIgnoreCase));

        var shared = docs.ConfigMapData(OrganisationsConfigMap);
        Assert.NotEmpty(shared);
        using var app = BuildModule(deployment, await DeploymentEnvironment(deployment));
        var names = app.Services.GetRequiredService<OrganisationNames>();
        foreach (var (key, name) in shared)
            Assert.Equal(name, names.Display(key[(OrganisationNames.SectionName.Length + 2)..]));
    }

    private const string OrganisationsConfigMap = "educationhub-organisations";

    private static async Task<Dictionary<string, string>> DeploymentEnvironment(string deployment)
    {
        var docs = await RenderedManifests.DocumentsAsync("production");
        var container = docs.Single(d => d.Kind() == "Deployment" && d.Name() == deployment).Container();
        var secrets = docs.Single(d => d.Kind() == "Secret" && d.Name() == "educationhub-secrets").At("stringData") as YamlMappingNode;
        var config = docs.Single(d => d.Kind() == "ConfigMap" && d.Name() == "educationhub-config").At("data") as YamlMappingNode;
        // As the kubelet does: envFrom first, then env, whose entries win.
        var env = container.EnvFromConfigMaps().SelectMany(name => docs.ConfigMapData(name)).ToDictionary(e => e.Key, e => e.Value);
        foreach (var (name, entry) in container.Env())
        {
            var secretKey = (entry.At("valueFrom", "secretKeyRef") as YamlMappingNode)?.Scalar("key");
            env[name] = entry.Scalar("value") is { Length: > 0 } value ? value
                : secretKey is not null ? secrets!.Scalar(secretKey)
                : config!.Scalar(((YamlMappingNode)entry.At("valueFrom", "configMapKeyRef")!).Scalar("key"));
        }
        return env;
    }

    /// <summary>Composes the module exactly as its container would, from the manifest's variables only (not started).</summary>
    private static WebApplication BuildModule(string deployment, IReadOnlyDictionary<string, string> env)
    {
        var data = Directory.CreateTempSubdirectory("ehub-drift-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production", ContentRootPath = data });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(env.Where(e => !PlatformVariables.Contains(e.Key)).Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)));
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("Persistence:DataDirectory", (string?)data), KeyValuePair.Create("Persistence:MigrateOnStartup", (string?)"false")]);
        builder.AddServiceDefaults(deployment);
        ServiceModules.ByDeployment[deployment](builder);
        return builder.Build();
    }

    /// <summary>Every options class in the EducationHub assemblies, by the configuration section it binds.</summary>
    private static Dictionary<string, Type> OptionsSections()
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        // Every EducationHub assembly deployed with the tests, loaded or not yet (the portal's is only referenced).
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "EducationHub.*.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .Where(a => !a.GetName().Name!.EndsWith(".Tests", StringComparison.Ordinal));
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) ?? type.GetField("Section", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.GetRawConstantValue() is string name)
                sections[name] = type;
        }
        return sections;
    }

    private static bool Binds(Type type, string[] path)
    {
        if (path.Length == 0) return true;
        if (type == typeof(OrganisationNames)) return path.Length == 1; // a map: any claim, one level
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)) return true; // any key binds
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && Binds(property.PropertyType, path[1..]);
    }
}

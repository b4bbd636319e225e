using EducationHub.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>Which transport a host gets when its configuration says nothing, by environment.</summary>
public sealed class TransportChoiceTests
{
    [Fact]
    public void A_Production_host_that_does_not_name_a_transport_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", transport: null));
        Assert.Contains("Messaging:Transport is not set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "InMemory")]
    [InlineData("Development", null)]
    [InlineData("Testing", null)]
    public void Otherwise_the_host_builds_with_a_bus(string environment, string? transport)
    {
        using var host = Build(environment, transport);
        Assert.NotNull(host.Services.GetService<IBus>());
    }

    private static IHost Build(string environment, string? transport)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        if (transport is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:Transport"] = transport });
        builder.AddEducationHubMessaging();
        return builder.Build();
    }
}

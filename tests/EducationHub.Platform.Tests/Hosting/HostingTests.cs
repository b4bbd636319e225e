using System.Net;
using EducationHub.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace EducationHub.Platform.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Binds_free_ports_and_serves_liveness_over_http1_on_the_web_endpoint()
    {
        await using var host = await TestServiceHost.StartAsync();

        Assert.NotEqual(0, host.GrpcAddress.Port);
        Assert.NotNull(host.WebAddress);
        Assert.NotEqual(host.GrpcAddress.Port, host.WebAddress!.Port);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grpc_endpoint_speaks_prior_knowledge_http2_only()
    {
        await using var host = await TestServiceHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.GrpcAddress };

        using var h2 = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var h2Response = await client.SendAsync(h2);
        Assert.Equal(HttpStatusCode.OK, h2Response.StatusCode);
        Assert.Equal(HttpVersion.Version20, h2Response.Version);

        // Kestrel answers an HTTP/1.1 request on an HTTP/2-only endpoint with an error, never the page.
        using var h1 = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var h1Response = await client.SendAsync(h1);
        Assert.False(h1Response.IsSuccessStatusCode, $"HTTP/1.1 got {(int)h1Response.StatusCode}");
    }

    [Fact]
    public async Task Unknown_pages_get_a_plain_text_status_line()
    {
        await using var host = await TestServiceHost.StartAsync();

        using var response = await host.Http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("404 Not Found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_page_gets_a_500_without_exception_details()
    {
        await using var host = await TestServiceHost.StartAsync(
            map: app => app.MapGet("/boom", (HttpContext _) => throw new InvalidOperationException("connection string Password=hunter2")));

        using var response = await host.Http.GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("500 Internal Server Error\n", body);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_endpoint_can_be_disabled()
    {
        await using var host = await TestServiceHost.StartAsync(settings: new Dictionary<string, string?> { ["Hosting:WebUrl"] = "" });

        Assert.Null(host.WebAddress);
        Assert.NotEqual(0, host.GrpcAddress.Port);
    }
}

using System.Net;
using EducationHub.ServiceDefaults.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", false, "127.0.0.1", 5000)]
    [InlineData("https://0.0.0.0:8443", true, "0.0.0.0", 8443)]
    [InlineData("http://*:5000", false, "0.0.0.0", 5000)]
    [InlineData("http://+:5080", false, "0.0.0.0", 5080)]
    [InlineData("http://localhost:0", false, "127.0.0.1", 0)]
    [InlineData("http://[::]:5000", false, "::", 5000)]
    public void Parses_listen_urls(string url, bool https, string address, int port)
    {
        var parsed = ListenAddress.Parse(url, "Hosting:GrpcUrl");

        Assert.Equal(https, parsed.Https);
        Assert.Equal(IPAddress.Parse(address), parsed.Address);
        Assert.Equal(port, parsed.Port);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("http://example.org:5000")]
    [InlineData("http://127.0.0.1:5000/grpc")]
    public void Rejects_what_kestrel_cannot_bind_and_names_the_setting(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenAddress.Parse(url, "Hosting:GrpcUrl"));

        Assert.Contains("Hosting:GrpcUrl", error.Message, StringComparison.Ordinal);
    }
}

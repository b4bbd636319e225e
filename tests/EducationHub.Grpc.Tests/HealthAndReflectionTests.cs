using EducationHub.Grpc.Client;
using EducationHub.Grpc.Health;
using EducationHub.Grpc.Protocol.Health.V1;
using EducationHub.Grpc.Protocol.Reflection.V1;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = EducationHub.Grpc.Protocol.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EducationHub.Grpc.Tests;

public sealed class HealthAndReflectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string TestService = "educationhub.testing.v1.TestService";
    private GrpcClient Client => fixture.Client;

    [Fact]
    public async Task Check_reports_overall_and_per_service_status()
    {
        var overall = await Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest());
        Assert.Equal(ServingStatus.Serving, overall.Status);
        var service = await Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = TestService });
        Assert.Equal(ServingStatus.Serving, service.Status);
    }

    [Fact]
    public async Task Check_of_unknown_service_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Watch_streams_status_changes()
    {
        var registry = fixture.Server.Services.GetRequiredService<HealthStatusRegistry>();
        const string watched = "educationhub.testing.v1.Watched";
        registry.SetStatus(watched, GrpcHealthStatus.Serving);
        var method = GrpcMethod.FromDescriptor<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Watch");
        using var call = Client.StartServerStreaming(method, new HealthCheckRequest { Service = watched });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);
        registry.SetStatus(watched, GrpcHealthStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
        registry.ClearStatus(watched);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Reflection_lists_every_service_including_health_and_itself()
    {
        var response = await ReflectAsync(new ServerReflectionRequest { ListServices = "" });
        var names = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(TestService, names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", names);
        Assert.DoesNotContain("educationhub.testing.v1.UnimplementedService", names);
    }

    [Fact]
    public async Task Reflection_serves_the_file_containing_a_symbol()
    {
        foreach (var symbol in new[] { TestService, TestService + ".UnaryCall", "educationhub.testing.v1.SimpleRequest", "grpc.health.v1.HealthCheckResponse.ServingStatus" })
        {
            var response = await ReflectAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
            Assert.NotNull(response.FileDescriptorResponse);
            var first = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
            Assert.Contains(first.Name, new[] { "interop.proto", "grpc/health/v1/health.proto" });
        }
    }

    [Fact]
    public async Task Reflection_serves_a_file_by_name_with_its_dependencies()
    {
        var response = await ReflectAsync(new ServerReflectionRequest { FileByFilename = "grpc/reflection/v1/reflection.proto" });
        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name).ToList();
        Assert.Equal("grpc/reflection/v1/reflection.proto", files[0]);
    }

    [Fact]
    public async Task Reflection_reports_unknown_symbols_and_extensions_as_not_found()
    {
        var symbol = await ReflectAsync(new ServerReflectionRequest { FileContainingSymbol = "no.Such" });
        Assert.Equal((int)StatusCode.NotFound, symbol.ErrorResponse.ErrorCode);
        var extension = await ReflectAsync(new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "educationhub.testing.v1.Empty", ExtensionNumber = 100 } });
        Assert.Equal((int)StatusCode.NotFound, extension.ErrorResponse.ErrorCode);
        var numbers = await ReflectAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "educationhub.testing.v1.Empty" });
        Assert.Equal("educationhub.testing.v1.Empty", numbers.AllExtensionNumbersResponse.BaseTypeName);
    }

    [Fact]
    public async Task Reflection_v1alpha_answers_the_same_protocol()
    {
        using var call = Client.Duplex<Protocol.Reflection.V1Alpha.ServerReflectionRequest, Protocol.Reflection.V1Alpha.ServerReflectionResponse>(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");
        await call.RequestStream.WriteAsync(new Protocol.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "*" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(TestService, call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    private async Task<ServerReflectionResponse> ReflectAsync(ServerReflectionRequest request)
    {
        using var call = Client.Duplex<ServerReflectionRequest, ServerReflectionResponse>("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var response = call.ResponseStream.Current;
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        return response;
    }
}

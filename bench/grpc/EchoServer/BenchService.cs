using EducationHub.Bench.V1;
using EducationHub.Grpc;
using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace EducationHub.Bench.EchoServer;

/// <summary>bench.proto's BenchService on our layer: the same behaviour as the C++ and Node servers.</summary>
[AllowAnonymousCall]
public sealed class BenchService : IGrpcService
{
    public static ServiceDescriptor Descriptor => BenchReflection.Descriptor.FindTypeByName<ServiceDescriptor>("BenchService");

    public Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);

    public async Task StreamEcho(StreamRequest request, IServerStreamWriter<EchoMessage> responses, ServerCallContext context)
    {
        var message = new EchoMessage { Payload = ByteString.CopyFrom(new byte[request.PayloadSize]) };
        for (var i = 0; i < request.Count; i++)
        {
            await responses.WriteAsync(message, context.CancellationToken);
        }
    }
}

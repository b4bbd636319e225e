using EducationHub.Grpc.Protocol.Reflection.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using RequestCase = EducationHub.Grpc.Protocol.Reflection.V1.ServerReflectionRequest.MessageRequestOneofCase;

namespace EducationHub.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1 ServerReflection: lists the mapped services and serves their file
/// descriptors (with transitive dependencies) so generic tools can call them without .proto files.
/// </summary>
[AllowAnonymousCall]
public sealed class ReflectionService(GrpcServiceRegistry registry) : IGrpcService
{
    private static DescriptorIndex? s_index;
    private static readonly Lock IndexLock = new();

    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ServerReflection");

    public async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requests, IServerStreamWriter<ServerReflectionResponse> responses, ServerCallContext context)
    {
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(Answer(requests.Current)).ConfigureAwait(false);
        }
    }

    internal ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var index = GetIndex();
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case RequestCase.ListServices:
                var list = new ListServiceResponse();
                foreach (var name in index.ServiceNames)
                {
                    list.Service.Add(new ServiceResponse { Name = name });
                }

                response.ListServicesResponse = list;
                break;
            case RequestCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;
            case RequestCase.FileContainingSymbol:
                SetFile(response, index.FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case RequestCase.FileContainingExtension:
                // proto3 contracts define no extensions.
                SetError(response, StatusCode.NotFound, $"Extension not found: {request.FileContainingExtension.ContainingType}({request.FileContainingExtension.ExtensionNumber})");
                break;
            case RequestCase.AllExtensionNumbersOfType:
                if (index.FindMessage(request.AllExtensionNumbersOfType) is { } message)
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = message.FullName };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type not found: {request.AllExtensionNumbersOfType}");
                }

                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "No request type set.");
                break;
        }

        return response;
    }

    private DescriptorIndex GetIndex()
    {
        var services = registry.Services;
        lock (IndexLock)
        {
            // The index is per registry contents; rebuild when another set of services asks (tests host several servers).
            if (s_index is null || !s_index.ServiceNames.SequenceEqual(services.Select(s => s.FullName).Order(StringComparer.Ordinal)))
            {
                s_index = new DescriptorIndex(services);
            }

            return s_index;
        }
    }

    private static void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        foreach (var f in DescriptorIndex.WithDependencies(file))
        {
            files.FileDescriptorProto.Add(f.SerializedData);
        }

        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}

/// <summary>
/// grpc.reflection.v1alpha: the same protocol under its older name (still what many tools ask
/// first). The messages are wire-identical, so requests and responses are converted by bytes.
/// </summary>
[AllowAnonymousCall]
public sealed class ReflectionV1AlphaService(GrpcServiceRegistry registry) : IGrpcService
{
    public static ServiceDescriptor Descriptor =>
        Protocol.Reflection.V1Alpha.ReflectionReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ServerReflection");

    public async Task ServerReflectionInfo(
        IAsyncStreamReader<Protocol.Reflection.V1Alpha.ServerReflectionRequest> requests,
        IServerStreamWriter<Protocol.Reflection.V1Alpha.ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        var v1 = new ReflectionService(registry);
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = ServerReflectionRequest.Parser.ParseFrom(requests.Current.ToByteString());
            var answer = v1.Answer(request);
            await responses.WriteAsync(Protocol.Reflection.V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString())).ConfigureAwait(false);
        }
    }
}

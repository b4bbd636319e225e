using System.Diagnostics;
using EducationHub.Grpc;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Platform.Tests.Protos;
using EducationHub.ServiceDefaults.Auth;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Platform.Tests.Hosting;

/// <summary>The test service behind platform_test.proto: one method per auth shape, plus an outbox write.</summary>
public sealed class PlatformTestApi(IServiceProvider services) : IGrpcService
{
    public const string ServiceName = "educationhub.platformtest.v1.PlatformTestService";
    public const string ReadMethod = "/" + ServiceName + "/Read";
    public const string WriteMethod = "/" + ServiceName + "/Write";
    public const string AnonymousMethod = "/" + ServiceName + "/Anonymous";
    public const string EmitMethod = "/" + ServiceName + "/Emit";

    public static ServiceDescriptor Descriptor => PlatformTestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("PlatformTestService");

    [RequiresScope("platform.read")]
    public Task<CallerReply> Read(ProbeRequest request, ServerCallContext context) => Task.FromResult(Reply(context.GetCaller()));

    [RequiresScope("platform.write")]
    public Task<CallerReply> Write(ProbeRequest request, ServerCallContext context) => Task.FromResult(Reply(context.GetCaller()));

    [AllowAnonymousCall]
    public Task<CallerReply> Anonymous(ProbeRequest request, ServerCallContext context) => Task.FromResult(Reply(context.TryGetCaller()));

    /// <summary>Commits a <see cref="TraceProbeHappened"/> through the outbox with an audit row, in one SaveChanges.</summary>
    [RequiresScope("platform.write")]
    public async Task<EmitReply> Emit(ProbeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var db = services.GetRequiredService<PlatformTestDbContext>();
        var probe = TestEvent.New((id, at, correlation) => new TraceProbeHappened(id, at, null, "platformtest", correlation, request.Text));
        db.AddEvent(probe);
        db.Audit(caller, "probe.emitted", probe.EventId.ToString());
        await db.SaveChangesAsync(context.CancellationToken);
        return new EmitReply { EventId = probe.EventId.ToString(), TraceId = Activity.Current?.TraceId.ToHexString() ?? "" };
    }

    private static CallerReply Reply(CallerIdentity? caller)
    {
        var reply = new CallerReply { Authenticated = caller is not null };
        if (caller is not null)
        {
            reply.Organisation = caller.Organisation;
            reply.Subject = caller.Subject;
            reply.Scopes.AddRange(caller.Scopes.Order(StringComparer.Ordinal));
        }

        return reply;
    }
}

using EducationHub.Bench.Messaging.Grpc;
using EducationHub.Grpc;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using Google.Protobuf.Reflection;

namespace EducationHub.Bench.Messaging;

/// <summary>The benchmark's write endpoint: one gRPC call = one transaction with a domain row and its event.</summary>
[AllowAnonymousCall]
public sealed class BenchWritesApi(ProducerDb db) : IGrpcService
{
    public static ServiceDescriptor Descriptor =>
        BenchWritesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("BenchWrites");

    public async Task<RecordReply> Record(RecordRequest request, ServerCallContext context)
    {
        var (id, at, producer, correlation) = EventEnvelope.New("bench");
        var subjectId = Guid.NewGuid();
        db.Add(new Subject { Id = subjectId, Urn = request.Urn, Category = request.Category });
        db.AddEvent(new BenchHappened(id, at, request.Urn, producer, correlation, subjectId, request.Category, request.Severity, request.StartedTicks, request.Sequence));
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordReply { EventId = id.ToString() };
    }
}

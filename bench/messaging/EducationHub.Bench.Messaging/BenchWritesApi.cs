using EducationHub.Bench.Messaging.Grpc;
using EducationHub.Grpc;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using Google.Protobuf.Reflection;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// The benchmark's write endpoint: one gRPC call = a domain row and its event, committed before the
/// reply, through the same group commit SchoolRisk's signal submissions use (concurrent calls may share a transaction).
/// </summary>
[AllowAnonymousCall]
public sealed class BenchWritesApi(ProducerDb db, WriteGroupCommit<ProducerDb> writes) : IGrpcService
{
    public static ServiceDescriptor Descriptor =>
        BenchWritesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("BenchWrites");

    public async Task<RecordReply> Record(RecordRequest request, ServerCallContext context)
    {
        var eventId = await writes.SaveAsync(db, batch =>
        {
            var (id, at, producer, correlation) = EventEnvelope.New("bench");
            var subjectId = Guid.NewGuid();
            batch.Add(new Subject { Id = subjectId, Urn = request.Urn, Category = request.Category });
            batch.AddEvent(new BenchHappened(id, at, request.Urn, producer, correlation, subjectId, request.Category, request.Severity, request.StartedTicks, request.Sequence));
            return id;
        }, context.CancellationToken);
        return new RecordReply { EventId = eventId.ToString() };
    }

    public Task<RecordReply> Echo(RecordRequest request, ServerCallContext context) => Task.FromResult(new RecordReply());
}

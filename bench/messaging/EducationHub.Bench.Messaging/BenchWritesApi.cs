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
public sealed class BenchWritesApi(ProducerDb db, WriteGroupCommit<ProducerDb> writes, ServerSideStarts starts) : IGrpcService
{
    public static ServiceDescriptor Descriptor =>
        BenchWritesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("BenchWrites");

    public async Task<RecordReply> Record(RecordRequest request, ServerCallContext context)
    {
        // An external load generator sends the same body every time (no start time): number the call here.
        var external = request.StartedTicks == 0;
        var (sequence, started) = external ? starts.Next() : (request.Sequence, request.StartedTicks);
        var urn = external ? 100000 + (sequence % 20000) : request.Urn;
        var eventId = await writes.SaveAsync(db, batch =>
        {
            var (id, at, producer, correlation) = EventEnvelope.New("bench");
            var subjectId = Guid.NewGuid();
            batch.Add(new Subject { Id = subjectId, Urn = urn, Category = request.Category });
            batch.AddEvent(new BenchHappened(id, at, urn, producer, correlation, subjectId, request.Category, request.Severity, started, sequence));
            return id;
        }, context.CancellationToken);
        if (external)
            starts.Written(sequence);
        return new RecordReply { EventId = eventId.ToString() };
    }

    public Task<RecordReply> Echo(RecordRequest request, ServerCallContext context) => Task.FromResult(new RecordReply());
}

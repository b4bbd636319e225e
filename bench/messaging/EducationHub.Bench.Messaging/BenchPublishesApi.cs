using EducationHub.Bench.Messaging.Grpc;
using EducationHub.Grpc;
using EducationHub.Messaging;
using Google.Protobuf.Reflection;
using MassTransit;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// The floor measurement (EHUB_BENCH_FLOORS=1): the same call and event as <see cref="BenchWritesApi"/>,
/// published on the bus before the reply (the broker's confirm awaited) instead of written to a
/// database and an outbox. Not a design: an event published this way is lost if the process dies
/// between the write and the publish. It says how much of the path the call and the broker alone cost.
/// </summary>
[AllowAnonymousCall]
public sealed class BenchPublishesApi(IBus bus, ServerSideStarts starts) : IGrpcService
{
    public static ServiceDescriptor Descriptor =>
        BenchWritesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("BenchPublishes");

    public async Task<RecordReply> Publish(RecordRequest request, ServerCallContext context)
    {
        var (sequence, started) = starts.Next();
        var (id, at, producer, correlation) = EventEnvelope.New("bench");
        var evt = new BenchHappened(id, at, 100000 + (sequence % 20000), producer, correlation, Guid.NewGuid(), request.Category, request.Severity, started, sequence);
        await bus.Publish(evt, ctx => ctx.MessageId = id, context.CancellationToken);
        starts.Written(sequence);
        return new RecordReply { EventId = id.ToString() };
    }
}

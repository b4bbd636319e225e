using EducationHub.Contracts.V1;
using MassTransit;

namespace EducationHub.Bench.Hub;

/// <summary>Counts deliveries for the raw MassTransit reference (same broker, queue kind and prefetch as the hub, no database).</summary>
internal sealed class RawCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Hit() => Interlocked.Increment(ref _count);
}

/// <summary>A consumer that does nothing but count: one queue per event type, as the hub has.</summary>
internal abstract class RawSink<T>(RawCounter counter) : IConsumer<T> where T : class, IIntegrationEvent
{
    public Task Consume(ConsumeContext<T> context)
    {
        counter.Hit();
        return Task.CompletedTask;
    }
}

internal sealed class RawSchoolRiskAssessed(RawCounter c) : RawSink<SchoolRiskAssessed>(c);
internal sealed class RawPartnerSignalSubmitted(RawCounter c) : RawSink<PartnerSignalSubmitted>(c);
internal sealed class RawComplaintReceived(RawCounter c) : RawSink<ComplaintReceived>(c);
internal sealed class RawComplaintEscalated(RawCounter c) : RawSink<ComplaintEscalated>(c);
internal sealed class RawComplaintConcluded(RawCounter c) : RawSink<ComplaintConcluded>(c);
internal sealed class RawGovernanceConcernRaised(RawCounter c) : RawSink<GovernanceConcernRaised>(c);
internal sealed class RawWarningNoticeIssued(RawCounter c) : RawSink<WarningNoticeIssued>(c);
internal sealed class RawInterventionStarted(RawCounter c) : RawSink<InterventionStarted>(c);
internal sealed class RawWhistleblowingConcernTriaged(RawCounter c) : RawSink<WhistleblowingConcernTriaged>(c);

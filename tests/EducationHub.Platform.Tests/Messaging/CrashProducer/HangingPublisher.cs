using EducationHub.Messaging.Outbox;

namespace EducationHub.Platform.Tests.Messaging.CrashProducer;

/// <summary>
/// Stands in for the bus in the crashing producer: announces that the dispatcher has claimed
/// rows and is about to publish, then never returns, so the kill lands between commit and publish.
/// </summary>
internal sealed class HangingPublisher : IOutboxPublisher
{
    private int _announced;

    public async Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _announced, 1) == 0)
            Console.Out.WriteLine(CrashProducerProgram.ClaimedLine);
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
    }
}

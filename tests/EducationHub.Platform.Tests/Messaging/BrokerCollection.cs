using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>
/// Tests that use the shared test RabbitMQ. Run on their own (not beside other tests), because
/// the outage test stops the broker and would break any other test using it at the time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerCollection
{
    public const string Name = "RabbitMQ broker";
}

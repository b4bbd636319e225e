using MassTransit;

namespace EducationHub.Messaging;

/// <summary>
/// The default definition of an event consumer: a few quick retries for transient faults, then
/// the message goes to the endpoint's <c>_error</c> queue. Derive to change the policy.
/// </summary>
public class EventConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <summary>The retry policy; the default waits 100 ms, 500 ms and 2 s.</summary>
    protected virtual void ConfigureRetry(IRetryConfigurator retry) =>
        retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(ConfigureRetry);
    }
}

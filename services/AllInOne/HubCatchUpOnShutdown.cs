using EducationHub.AllInOne.Demo;

namespace EducationHub.AllInOne;

/// <summary>
/// In one process the bus is in memory: an event the outbox has handed to it but the hub has not
/// yet consumed would be lost with the process (its outbox row is already marked delivered). So on
/// Ctrl+C, before the outbox dispatchers and the bus stop, wait (up to <see cref="Timeout"/>) until
/// the hub has consumed everything the services have published. Registered after the modules, so
/// it stops before them: hosted services stop in reverse order of registration.
/// </summary>
internal sealed partial class HubCatchUpOnShutdown(IServiceScopeFactory scopes, ILogger<HubCatchUpOnShutdown> logger) : IHostedService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var drain = new HubDrain(scopes);
        var caughtUp = await drain.WaitAsync(Timeout, cancellationToken);
        var (produced, consumed) = await drain.CountAsync(CancellationToken.None);
        if (caughtUp) CaughtUp(logger, consumed);
        else Behind(logger, consumed, produced);
    }

    [LoggerMessage(EventId = 9110, Level = LogLevel.Information, Message = "Stopping: the hub has consumed all {Consumed} events the services published")]
    private static partial void CaughtUp(ILogger logger, int consumed);

    [LoggerMessage(EventId = 9111, Level = LogLevel.Warning, Message = "Stopping with the hub behind: {Consumed} of {Produced} events consumed; the rest are redelivered only if still in an outbox")]
    private static partial void Behind(ILogger logger, int consumed, int produced);
}

public static class HubCatchUpOnShutdownRegistration
{
    /// <summary>Call after every module's <c>AddX()</c> so this stops first.</summary>
    public static WebApplicationBuilder AddHubCatchUpOnShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<HubCatchUpOnShutdown>();
        return builder;
    }
}

using System.Collections.Concurrent;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>A service database with the outbox and no broker: the dispatcher publishes to a <see cref="RecordingPublisher"/>.</summary>
public static class OutboxTestHost
{
    /// <param name="commands">every command's SQL is added here</param>
    /// <param name="withDispatcher">false: rows are written (and handed off if a test attaches a token) but nothing publishes them</param>
    /// <param name="settings">further <c>Messaging:Outbox</c> settings (key without the section), e.g. BatchSize</param>
    public static async Task<IHost> StartAsync(string connectionString, RecordingPublisher publisher, ConcurrentQueue<string> commands, bool withDispatcher,
        TimeSpan pollInterval, IDictionary<string, string>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        var config = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PlatformTestHost.DatabaseName}"] = connectionString,
            [$"{OutboxOptions.Section}:LeaseDuration"] = "00:00:03",
            [$"{OutboxOptions.Section}:PollInterval"] = pollInterval.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            config[$"{OutboxOptions.Section}:{key}"] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.AddServiceDatabase<PlatformTestDbContext>(PlatformTestHost.DatabaseName, o => o.AddInterceptors(new CommandRecorder(commands)));
        builder.Services.AddSingleton<IOutboxPublisher>(publisher);
        if (withDispatcher)
            builder.Services.AddOutbox<PlatformTestDbContext>();
        return await PlatformTestHost.StartAsync(builder);
    }

    public static Task<List<OutboxMessage>> RowsAsync(IHost host) =>
        PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
}

/// <summary>Records every publish; <paramref name="confirmed"/> says when a message's publish completes (at once by default).</summary>
public sealed class RecordingPublisher(Func<Guid, Task>? confirmed = null) : IOutboxPublisher
{
    public ConcurrentQueue<(Guid Id, DateTime At)> Published { get; } = new();

    public Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
    {
        Published.Enqueue((messageId, DateTime.UtcNow));
        return confirmed?.Invoke(messageId) ?? Task.CompletedTask;
    }
}

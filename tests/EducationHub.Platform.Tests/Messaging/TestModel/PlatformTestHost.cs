using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>
/// A service host as a module would build it: database, the one bus, the outbox, consumers
/// added after the bus (as modules do after AddServiceDefaults).
/// </summary>
public static class PlatformTestHost
{
    public const string DatabaseName = "platformtest";

    /// <summary>A queue-name prefix of its own for one test, so tests sharing the broker never consume each other's events.</summary>
    public static string NewEndpointPrefix() => "t" + Guid.NewGuid().ToString("N")[..8];

    /// <param name="configureDatabase">further context options, such as an interceptor a test counts saves with</param>
    public static HostApplicationBuilder CreateBuilder(string database, string? rabbitMqUrl, string endpointPrefix, IDictionary<string, string?>? settings = null,
        Action<DbContextOptionsBuilder>? configureDatabase = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        var config = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseName}"] = database,
            ["ConnectionStrings:rabbitmq"] = rabbitMqUrl,
            ["Messaging:Transport"] = rabbitMqUrl is null ? "InMemory" : "RabbitMq",
            ["Messaging:EndpointPrefix"] = endpointPrefix,
            // Short lease and back-off so crash and outage recovery happen within a test run.
            ["Messaging:Outbox:LeaseDuration"] = "00:00:03",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.250",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("EHUB_TEST_LOG") == "1")
            builder.Logging.AddSimpleConsole();

        builder.AddServiceDatabase<PlatformTestDbContext>(DatabaseName, configureDatabase);
        builder.AddEducationHubMessaging();
        builder.Services.AddOutbox<PlatformTestDbContext>();
        return builder;
    }

    public static async Task<IHost> StartAsync(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Writes events through the outbox, <paramref name="perTransaction"/> per SaveChanges.</summary>
    public static async Task ProduceAsync<TEvent>(IServiceProvider services, IReadOnlyList<TEvent> events, int perTransaction = 1)
        where TEvent : class, EducationHub.Contracts.V1.IIntegrationEvent
    {
        for (var i = 0; i < events.Count; i += perTransaction)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            foreach (var e in events.Skip(i).Take(perTransaction))
                db.AddEvent(e);
            await db.SaveChangesAsync();
        }
    }

    public static async Task<T> QueryAsync<T>(IServiceProvider services, Func<PlatformTestDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>());
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds. The deadline only turns a hang into a
    /// failure with a useful message; it asserts nothing about speed.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Gave up waiting for: {what}");
            await Task.Delay(100);
        }
    }

    public static Task<int> ReceivedCountAsync(IServiceProvider services, string kind) =>
        QueryAsync(services, db => db.Received.CountAsync(r => r.Kind == kind));
}

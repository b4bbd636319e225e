using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EducationHub.Platform.Tests.Messaging.CrashProducer;

/// <summary>
/// Entry point of this test assembly when run as a process (the test host never calls it).
/// <c>dotnet EducationHub.Platform.Tests.dll crash-producer DB RABBIT PREFIX COUNT</c> commits
/// COUNT events through the outbox, reports it, and waits to be killed with its rows claimed
/// but unpublished.
/// </summary>
public static class CrashProducerProgram
{
    public const string Command = "crash-producer";
    public const string CommittedLine = "COMMITTED";
    public const string ClaimedLine = "CLAIMED";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 5 || args[0] != Command)
        {
            await Console.Error.WriteLineAsync($"usage: {Command} DATABASE RABBITMQ_URL ENDPOINT_PREFIX COUNT");
            return 2;
        }
        var builder = PlatformTestHost.CreateBuilder(args[1], args[2], args[3]);
        builder.Services.Replace(ServiceDescriptor.Singleton<IOutboxPublisher, HangingPublisher>());
        using var host = await PlatformTestHost.StartAsync(builder);

        var count = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
        var events = Enumerable.Range(0, count)
            .Select(i => TestEvent.New((id, at, c) => new CrashHappened(id, at, null, "crash-producer", c, i)))
            .ToList();
        await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: 10);
        await Console.Out.WriteLineAsync(CommittedLine);
        await Console.Out.FlushAsync();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}

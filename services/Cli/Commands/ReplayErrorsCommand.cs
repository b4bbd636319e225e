using System.CommandLine;
using EducationHub.Messaging.DeadLetters;

namespace EducationHub.Cli.Commands;

/// <summary>`ehub replay-errors --queue hub-warning-notice-issued`: move dead-lettered messages back to their queue.</summary>
public static class ReplayErrorsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var queue = new Option<string>("--queue", "The consumer's queue (its messages are taken from <queue>_error).") { IsRequired = true };
        var broker = new Option<string?>("--rabbitmq", () => Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq"),
            "The broker, amqp://user:pass@host:5672/vhost (or ConnectionStrings__rabbitmq, as the services use).");
        var limit = new Option<int>("--limit", () => int.MaxValue, "Move at most this many messages.");
        var command = new Command("replay-errors", "Move the messages of a consumer's error queue back to its queue (fix the consumer first).") { queue, broker, limit };
        command.SetHandler(async ic =>
        {
            var uri = ic.ParseResult.GetValueForOption(broker);
            if (string.IsNullOrWhiteSpace(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var brokerUri))
            {
                stderr.WriteLine("Give the broker with --rabbitmq amqp://... (or set ConnectionStrings__rabbitmq).");
                ic.ExitCode = ExitCodes.Usage;
                return;
            }
            var name = ic.ParseResult.GetValueForOption(queue)!;
            var moved = await ErrorQueueReplay.ReplayAsync(brokerUri, name, ic.ParseResult.GetValueForOption(limit), ic.GetCancellationToken());
            stdout.WriteLine($"Moved {moved} message(s) from {name}{ErrorQueueReplay.ErrorSuffix} back to {name}.");
        });
        return command;
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EducationHub.Bench.Messaging.Grpc;
using Google.Protobuf;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Runs h2load (nghttp2's HTTP/2 load generator, one thread) as the partners' gRPC clients: the same
/// Record call and message as the in-process writers, from a separate, lean process, so the figure
/// is the service's rather than the .NET client's. Its CPU still runs on the same cores and is
/// counted (<see cref="CpuMeter"/> reads reaped children's time).
/// </summary>
public static partial class ExternalWriters
{
    public static bool Available => File.Exists("/usr/bin/h2load");

    public const string RecordMethod = "/educationhub.bench.v1.BenchWrites/Record";

    public const string PublishMethod = "/educationhub.bench.v1.BenchPublishes/Publish";

    /// <summary>Sends <paramref name="count"/> calls of <paramref name="method"/> (Record unless told) over <paramref name="connections"/> connections with
    /// <paramref name="streamsPerConnection"/> calls in flight on each; returns h2load's request-time line.</summary>
    public static async Task<string> RunAsync(Uri grpcAddress, int count, int connections, int streamsPerConnection, string method = RecordMethod)
    {
        var body = Path.GetTempFileName();
        try
        {
            // StartedTicks 0 and no sequence: the server numbers and time-stamps each call (ServerSideStarts).
            var message = new RecordRequest { Urn = 100000, Category = "safeguarding", Severity = "high" }.ToByteArray();
            var frame = new byte[5 + message.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
            message.CopyTo(frame, 5);
            await File.WriteAllBytesAsync(body, frame);
            var url = new Uri(grpcAddress, method);
            var start = new ProcessStartInfo("/usr/bin/h2load")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "-n", count.ToString(CultureInfo.InvariantCulture),
                    "-c", connections.ToString(CultureInfo.InvariantCulture),
                    "-m", streamsPerConnection.ToString(CultureInfo.InvariantCulture),
                    "-t", "1",
                    "-H", "content-type: application/grpc",
                    "-H", "te: trailers",
                    "-d", body,
                    url.ToString(),
                },
            };
            using var h2load = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start");
            var output = h2load.StandardOutput.ReadToEndAsync();
            var errors = h2load.StandardError.ReadToEndAsync();
            await h2load.WaitForExitAsync();
            var text = await output;
            // h2load counts HTTP 200s; a gRPC error is also a 200 (its status is in the trailers), so the
            // caller also checks that the server stamped every call as written.
            var succeeded = Succeeded().Match(text);
            if (h2load.ExitCode != 0 || !succeeded.Success || int.Parse(succeeded.Groups[1].Value, CultureInfo.InvariantCulture) != count)
                throw new InvalidOperationException($"h2load did not complete {count} calls (exit {h2load.ExitCode}):\n{text}\n{await errors}");
            return text.Split('\n').FirstOrDefault(l => l.StartsWith("time for request:", StringComparison.Ordinal))?.Trim() ?? "";
        }
        finally
        {
            File.Delete(body);
        }
    }

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex Succeeded();
}

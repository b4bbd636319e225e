using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace EducationHub.ServiceDefaults.Telemetry;

/// <summary>
/// The standard OTEL_EXPORTER_OTLP_* settings, read from configuration (environment variables are part
/// of it) rather than straight from the environment, so appsettings and tests can set them too.
/// </summary>
internal sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    public static OtlpSettings? FromConfiguration(IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_ENDPOINT='{endpoint}' is not an absolute URL.");
        }

        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException(
                $"OTEL_EXPORTER_OTLP_PROTOCOL='{other}' is not supported: use grpc or http/protobuf."),
        };
        return new OtlpSettings(uri, protocol, configuration["OTEL_EXPORTER_OTLP_HEADERS"]);
    }

    /// <summary>Applies these settings for one signal ("traces", "metrics", "logs").</summary>
    public void Apply(OtlpExporterOptions options, string signal)
    {
        options.Protocol = Protocol;

        // Set in code, the endpoint is used as given; the spec's per-signal path applies to HTTP only.
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal)
            : Endpoint;
        if (!string.IsNullOrEmpty(Headers))
        {
            options.Headers = Headers;
        }
    }
}

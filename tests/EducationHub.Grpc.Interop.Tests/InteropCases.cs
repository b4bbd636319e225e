using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>The interop cases every client runs (names as in the gRPC interop test descriptions).</summary>
public static class InteropCases
{
    public static readonly string[] Names =
    [
        "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
        "custom_metadata", "status_code_and_message", "special_status_message", "unimplemented_method",
        "unimplemented_service", "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server",
        "client_compressed_unary", "server_compressed_unary", "client_compressed_streaming", "server_compressed_streaming",
    ];

    /// <summary>One row per (client language, case).</summary>
    public static TheoryData<PeerLanguage, string> All()
    {
        var data = new TheoryData<PeerLanguage, string>();
        foreach (var language in Enum.GetValues<PeerLanguage>())
        {
            foreach (var name in Names)
            {
                data.Add(language, name);
            }
        }

        return data;
    }
}

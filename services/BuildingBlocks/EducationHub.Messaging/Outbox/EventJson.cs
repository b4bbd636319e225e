using System.Text.Json;

namespace EducationHub.Messaging.Outbox;

/// <summary>The JSON shape of stored events: web defaults, the same conventions MassTransit uses on the wire.</summary>
internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

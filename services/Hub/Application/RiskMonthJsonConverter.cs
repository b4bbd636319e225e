using System.Text.Json;
using System.Text.Json.Serialization;
using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Application;

/// <summary>
/// A month as "YYYY-MM" in snapshot JSON. Without it the serializer walks RiskMonth's Previous and
/// Next properties without end, so publishing a month whose draft already carried a decision failed.
/// </summary>
public sealed class RiskMonthJsonConverter : JsonConverter<RiskMonth>
{
    public override RiskMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RiskMonth.Parse(reader.GetString() ?? throw new JsonException("A month must be a string (YYYY-MM)."));

    public override void Write(Utf8JsonWriter writer, RiskMonth value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

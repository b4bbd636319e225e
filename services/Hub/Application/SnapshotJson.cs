using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Application;

/// <summary>
/// The frozen form of a published list. Deserialised lists are cached by snapshot id: a
/// snapshot never changes, so the cache never needs invalidating.
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new RiskMonthJsonConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly ConcurrentDictionary<Guid, MonthlyRiskList> Cache = new();

    public static string Serialize(MonthlyRiskList list) => JsonSerializer.Serialize(list, Options);

    public static MonthlyRiskList Read(SnapshotRow row) =>
        Cache.GetOrAdd(row.Id, _ => JsonSerializer.Deserialize<MonthlyRiskList>(row.ListJson, Options)
                                    ?? throw new InvalidDataException($"Snapshot {row.Id} is empty."));

    public static PreviousList ToPrevious(MonthlyRiskList list) =>
        new(list.Month, list.Published, list.Entries.ToDictionary(e => e.Urn, e => (e.Rank, e.Priority)));
}

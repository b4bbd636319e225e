using System.Text.Json;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>A risk assessment's stored reasons, parsed on first look: the same list parsing them at once gives, and not parsed before.</summary>
public class JsonListOnDemandTests
{
    [Fact]
    public void Parsed_on_demand_the_reasons_equal_those_parsed_at_once()
    {
        List<HardReason> reasons = [new("ofsted", "Inadequate – é", 12.5), new("attendance", "Persistent absence \"high\"", -3), new("x", "", 0)];
        var json = JsonSerializer.Serialize(reasons);
        var eager = JsonSerializer.Deserialize<List<HardReason>>(json)!;

        var onDemand = new JsonListOnDemand<HardReason>(json);

        Assert.Equal(eager.Count, onDemand.Count);
        Assert.Equal(eager, onDemand);
        Assert.Equal(eager[1], onDemand[1]);
        Assert.Empty(new JsonListOnDemand<HardReason>("[]"));
    }

    [Fact]
    public void Nothing_is_parsed_until_someone_looks()
    {
        var notJson = new JsonListOnDemand<HardReason>("{ not json");
        Assert.Throws<JsonException>(() => notJson.Count);
    }

    [Fact]
    public async Task Threads_looking_at_once_all_see_one_list()
    {
        var json = JsonSerializer.Serialize(Enumerable.Range(0, 200).Select(i => new HardReason($"r{i}", $"Reason {i}", i)).ToList());
        var onDemand = new JsonListOnDemand<HardReason>(json);
        using var start = new Barrier(4);
        var firsts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return onDemand[0];
        })));
        Assert.All(firsts, f => Assert.Same(firsts[0], f));
        Assert.Equal(200, onDemand.Count);
    }
}

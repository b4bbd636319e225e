using EducationHub.Contracts.V1;
using EducationHub.Hub.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.Api;

public class TimelineRoutesTests
{
    [Fact]
    public async Task An_event_already_loaded_in_bulk_is_not_stored_again_when_it_also_arrives_through_the_bus()
    {
        await using var hub = await HubHost.StartAsync();
        var evt = new GovernanceConcernRaised(Guid.NewGuid(), DateTimeOffset.UtcNow, HubHost.Urn, "governance", Guid.NewGuid(), Guid.NewGuid(), "high", "Diocese");
        var marker = new GovernanceConcernRaised(Guid.NewGuid(), DateTimeOffset.UtcNow, HubHost.Urn, "governance", Guid.NewGuid(), Guid.NewGuid(), "low", "Diocese");
        await hub.IngestAsync(evt);

        var bus = hub.Host.Services.GetRequiredService<IBus>();
        await bus.Publish(evt);
        await bus.Publish(marker); // same queue, after the duplicate: once it is stored, the duplicate has been handled

        using var scope = hub.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !await db.Timeline.AnyAsync(t => t.EventId == marker.EventId))
            await Task.Delay(100);
        await Task.Delay(300); // let the duplicate delivery finish if it was going to write
        Assert.Equal(1, await db.Timeline.CountAsync(t => t.EventId == evt.EventId));
        Assert.Equal(1, await db.Timeline.CountAsync(t => t.EventId == marker.EventId));
        Assert.Equal(2, await db.Timeline.CountAsync());
    }
}
